# Apple Health's export.xml streaming reader (expat, no archive, no host: the reader alone).
tendon_add_fuzzer(fuzz_health_xml SOURCES fuzz_health_xml.cpp LIBS tendon_health_xml
  SEEDS ${TENDON_SHARED_DIR}/corpus/apple/healthkit-to-sqlite-inline
        ${TENDON_SHARED_DIR}/corpus/apple/apple-health-analyzer/fragments)
