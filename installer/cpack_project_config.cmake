# Read by cpack when it packages (CPACK_PROJECT_CONFIG_FILE). CPack's Debian generator runs
# dpkg-shlibdeps on every ELF file of the package and offers no way to leave one out; the CUDA
# module needs NVIDIA's libraries, which must not become dependencies of the package (one package
# serves machines without a GPU), so CPack is handed a dpkg-shlibdeps that skips the module.
if(CPACK_GENERATOR STREQUAL "DEB")
  set(SHLIBDEPS_EXECUTABLE "${CPACK_TIERTUNE_SHLIBDEPS}")
endif()
