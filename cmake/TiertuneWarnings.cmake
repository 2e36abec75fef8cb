# tiertune_set_warnings(target): the warning set every Tiertune target compiles with.
# CI (CI=true) turns them into errors through TIERTUNE_WERROR.
function(tiertune_set_warnings target)
  set(cxx_warnings -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
      -Wcast-align -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations)
  if(TIERTUNE_WERROR)
    list(APPEND cxx_warnings -Werror)
  endif()
  target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:${cxx_warnings}>)
  if(TIERTUNE_HAVE_CUDA)
    set(cuda_warnings -Xcompiler=-Wall,-Wextra)
    if(TIERTUNE_WERROR)
      list(APPEND cuda_warnings -Werror=all-warnings -Xcompiler=-Werror)
    endif()
    target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CUDA>:${cuda_warnings}>)
  endif()
endfunction()
