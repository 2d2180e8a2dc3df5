# Re-records assets/examples/${EXAMPLE}.py and compares it with traces/${EXAMPLE}.json.
string(REPLACE "/" "_" flat ${EXAMPLE})
set(fresh ${OUT_DIR}/${flat}.fresh.json)
execute_process(COMMAND ${YIELDSCOPE} record assets/examples/${EXAMPLE}.py -o ${fresh}
                WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT EXISTS ${fresh})
  message(FATAL_ERROR "recording ${EXAMPLE} produced no trace (status ${status}):\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${fresh} ${SOURCE_DIR}/traces/${EXAMPLE}.json
                RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "traces/${EXAMPLE}.json is stale: a fresh recording (${fresh}) differs.\n"
                      "If the change is intended: cmake --build <build> --target regen_traces, then review the diff.")
endif()
