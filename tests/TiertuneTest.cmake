# tiertune_add_qtest(NAME SOURCES src... [LIBS lib...] [LABELS label...] [TIMEOUT seconds])
# One Qt Test executable = one CTest test, run with a private HOME and XDG folders.
function(tiertune_add_qtest name)
  cmake_parse_arguments(arg "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test Qt6::Core ${arg_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/tests)
  tiertune_set_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  set(home "${CMAKE_CURRENT_BINARY_DIR}/${name}.home")
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${arg_TIMEOUT}
    LABELS "${arg_LABELS}"
    # OMP_WAIT_POLICY: as the programs set it for themselves (core/util/openmp_waits.h), so that
    # two tests training side by side under ctest -j do not spin against each other.
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOME=${home};XDG_DATA_HOME=${home}/data;XDG_CONFIG_HOME=${home}/config;TIERTUNE_TEST_SCRATCH=${CMAKE_CURRENT_BINARY_DIR}/${name}.scratch;OMP_WAIT_POLICY=PASSIVE")
endfunction()

# tiertune_add_conformance_test(NAME SOURCES src... [LIBS lib...] [LABELS ...] [TIMEOUT seconds])
# A Qt test that compares with the npm reference packages: it runs after their installation
# (fixture npm_references, tests/conformance) and finds them in $TIERTUNE_NODE_MODULES, with node
# as $TIERTUNE_NODE.
function(tiertune_add_conformance_test name)
  tiertune_add_qtest(${name} ${ARGN})
  find_program(TIERTUNE_NODE_EXECUTABLE node)
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT
               "TIERTUNE_NODE_MODULES=${TIERTUNE_NODE_MODULES};TIERTUNE_NODE=${TIERTUNE_NODE_EXECUTABLE}")
  set_property(TEST ${name} APPEND PROPERTY FIXTURES_REQUIRED npm_references)
  set_property(TEST ${name} APPEND PROPERTY LABELS conformance)
endfunction()
