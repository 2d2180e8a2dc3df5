# Re-records assets/examples/${EXAMPLE}.py into traces/${EXAMPLE}.json. Some examples end
# in an uncaught exception on purpose (fib), so the program's exit status is not an error;
# a missing trace is.
get_filename_component(dir ${SOURCE_DIR}/traces/${EXAMPLE}.json DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${YIELDSCOPE} record assets/examples/${EXAMPLE}.py -o traces/${EXAMPLE}.json
                WORKING_DIRECTORY ${SOURCE_DIR} OUTPUT_QUIET ERROR_QUIET)
if(NOT EXISTS ${SOURCE_DIR}/traces/${EXAMPLE}.json)
  message(FATAL_ERROR "recording ${EXAMPLE} produced no trace")
endif()
