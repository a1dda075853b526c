/* The control socket's wire protocol: constants shared by tendond, tendonctl and anyone
 * scripting against the socket. C99-clean so that C clients can include it too.
 * The protocol itself is described in docs/protocol.md. */
#ifndef TENDON_PROTOCOL_H
#define TENDON_PROTOCOL_H

/* Where the socket lives. User mode: $XDG_RUNTIME_DIR/TENDON_SOCKET_DIR_NAME/
 * TENDON_SOCKET_FILE_NAME (mode 0600). System mode: TENDON_SYSTEM_SOCKET_PATH (mode 0660,
 * group TENDON_SOCKET_GROUP). */
#define TENDON_SOCKET_DIR_NAME "tendon"
#define TENDON_SOCKET_FILE_NAME "tendond.sock"
#define TENDON_SYSTEM_SOCKET_PATH "/run/tendon/tendond.sock"
#define TENDON_SOCKET_GROUP "tendon"

/* Bumped when a change would break an existing client; additions keep the number. */
#define TENDON_PROTOCOL_VERSION 1

/* The server's defaults for its limits (see docs/protocol.md, "Limits"). */
#define TENDON_DEFAULT_MAX_LINE_BYTES (1024L * 1024L)
#define TENDON_DEFAULT_MAX_OUTPUT_BYTES (4L * 1024L * 1024L)
#define TENDON_DEFAULT_MAX_OUTPUT_MESSAGES 8192
#define TENDON_DEFAULT_MAX_CLIENTS 64

/* JSON-RPC 2.0 error codes. */
#define TENDON_RPC_PARSE_ERROR (-32700)
#define TENDON_RPC_INVALID_REQUEST (-32600)
#define TENDON_RPC_METHOD_NOT_FOUND (-32601)
#define TENDON_RPC_INVALID_PARAMS (-32602)
#define TENDON_RPC_INTERNAL_ERROR (-32603)
/* Tendon's own codes, in the range JSON-RPC leaves to servers. */
#define TENDON_RPC_PERMISSION_DENIED (-32001)
#define TENDON_RPC_NOT_FOUND (-32002)
#define TENDON_RPC_BUSY (-32003)

/* Permission tiers, as they appear in Server.ListMethods and error messages. */
#define TENDON_TIER_READ "read"
#define TENDON_TIER_CONTROL "control"
#define TENDON_TIER_ADMIN "admin"

/* Methods every server has. */
#define TENDON_METHOD_SERVER_HELLO "Server.Hello"            /* the greeting (a notification) */
#define TENDON_METHOD_SERVER_LIST_METHODS "Server.ListMethods"
#define TENDON_METHOD_EVENTS_SUBSCRIBE "Events.Subscribe"
#define TENDON_METHOD_EVENTS_UNSUBSCRIBE "Events.Unsubscribe"

/* Events the server itself sends. */
#define TENDON_EVENT_OVERFLOW "Events.Overflow" /* last line before a slow client is dropped */

/* Feature names in the greeting's "features" list. */
#define TENDON_FEATURE_EVENTS "events"

#endif
