#!/bin/sh
# An installed program uses only its configured prefix: the binaries hold
# no path of the tree they were built in (for data, messages or
# loket-speech), so nothing in a build directory left on the machine can
# be preferred over what was installed. The tests reach the build tree
# through LOKET_DATADIR, LOKET_LOCALEDIR and LOKET_SPEECH instead.
. "${top_srcdir:-.}/tests/lib.sh"

builddir=$(cd "$top_builddir" && pwd -P)
srcdir=$(cd "$top_srcdir" && pwd -P)
for program in src/loket src/loket-speech; do
	if [ ! -x "$top_builddir/$program" ]; then
		check "$program is built" -x "$top_builddir/$program"
		continue
	fi
	# What the program carries when it runs: its debugging sections,
	# which name the compiler's directory, are left out.
	copy=$TMP/$(basename "$program")
	ok "$program: a copy without debugging sections is made" \
		objcopy --strip-debug "$top_builddir/$program" "$copy"
	lacks "$program holds no path of the build directory" "$copy" "$builddir"
	# The source directory may hold the install prefix (make distcheck
	# installs into it): look for the source tree's own folders.
	lacks "$program holds no path of the source tree's data" "$copy" "$srcdir/data"
	lacks "$program holds no path of the source tree's src" "$copy" "$srcdir/src"
done

# The tests' way in: LOKET_SPEECH names the speech program to run.
grep -q LOKET_SPEECH "$top_srcdir/Makefile.am"
check "the tests run loket-speech from the build tree by LOKET_SPEECH" $? -eq 0

done_testing
