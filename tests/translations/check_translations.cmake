# Fails when a translation falls behind the sources: runs lupdate over the GUI's sources into copies
# of translations/*.ts (the real files are never touched) and lists, per file, every source string
# that has no finished translation (new, or marked unfinished) and every entry no source uses any
# more (vanished or obsolete). Fix with `cmake --build --preset default --target update_translations`,
# then translate the unfinished entries (Qt Linguist or by hand) and drop the vanished ones.
#
# cmake -DLUPDATE=... -DGENERATOR=.../GenerateLUpdateProject.cmake -DPROJECT_IN=...project.cmake
#       -DTS_FILES="a.ts;b.ts" -DWORK_DIR=... [-DLUPDATE_ALIAS=...] -P check_translations.cmake
foreach(variable LUPDATE GENERATOR PROJECT_IN TS_FILES WORK_DIR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "check_translations.cmake needs -D${variable}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${WORK_DIR}/project.json
                        -P "${GENERATOR}"
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "Could not write the lupdate project from ${PROJECT_IN}")
endif()

set(copies "")
foreach(ts IN LISTS TS_FILES)
  get_filename_component(name "${ts}" NAME)
  file(COPY_FILE "${ts}" "${WORK_DIR}/${name}")
  list(APPEND copies "${WORK_DIR}/${name}")
endforeach()
execute_process(COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -locations none ${LUPDATE_ALIAS} -ts ${copies}
                RESULT_VARIABLE status OUTPUT_VARIABLE lupdate_output ERROR_VARIABLE lupdate_output)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "lupdate failed:\n${lupdate_output}")
endif()

set(problems 0)
foreach(copy IN LISTS copies)
  get_filename_component(name "${copy}" NAME)
  file(READ "${copy}" text)
  # One message per list element: semicolons (in entities and texts) would split CMake lists, and
  # a message spans several lines.
  string(REPLACE ";" "@SEMICOLON@" text "${text}")
  string(REPLACE "\n" " " text "${text}")
  string(REPLACE "</message>" "</message>\n" text "${text}")
  string(REGEX MATCHALL "<message[^\n]*</message>" messages "${text}")
  list(LENGTH messages message_count)
  if(message_count EQUAL 0)
    message(FATAL_ERROR "${name} holds no messages after lupdate: the check cannot read it.")
  endif()
  foreach(message IN LISTS messages)
    # A translation fills the same places (%1 to %9) as its source: one it drops loses a file name
    # or a number, one it adds shows a raw "%3".
    if(NOT message MATCHES "type=\"" AND message MATCHES "<source>([^<]*)</source>.*<translation>([^<]*)</translation>")
      set(source_text "${CMAKE_MATCH_1}")
      set(translation_text "${CMAKE_MATCH_2}")
      string(REGEX MATCHALL "%[1-9]" source_places "${source_text}")
      string(REGEX MATCHALL "%[1-9]" translation_places "${translation_text}")
      foreach(places IN ITEMS source_places translation_places)
        if(${places})
          list(REMOVE_DUPLICATES ${places})
          list(SORT ${places})
        endif()
      endforeach()
      if(NOT "${source_places}" STREQUAL "${translation_places}")
        string(REPLACE "@SEMICOLON@" ";" shown "${source_text}")
        message("${name}: the translation's places (${translation_places}) differ from the source's "
                "(${source_places}): \"${shown}\"")
        math(EXPR problems "${problems} + 1")
      endif()
    endif()
    if(message MATCHES "type=\"(unfinished|vanished|obsolete)\"")
      set(kind "${CMAKE_MATCH_1}")
      string(REGEX MATCH "<source>([^<]*)</source>" source "${message}")
      string(REPLACE "@SEMICOLON@" ";" source_text "${CMAKE_MATCH_1}")
      if(kind STREQUAL "unfinished")
        message("${name}: not translated: \"${source_text}\"")
      else()
        message("${name}: no longer in the sources (${kind}): \"${source_text}\"")
      endif()
      math(EXPR problems "${problems} + 1")
    endif()
  endforeach()
endforeach()
if(problems GREATER 0)
  message(FATAL_ERROR "${problems} translation entries need work (see above). Run the "
                      "update_translations target, translate, and remove the vanished entries.")
endif()
list(LENGTH copies count)
message("All ${count} translation files are complete and current.")
