#!/bin/sh
# The source tree's floors: every #include in src/ points to its own folder
# or to a floor below it, never above. The allowed arrows:
#   cmd -> ui -> office -> sync -> common      speech -> common
#   loketd -> sync -> common
# A file that breaks the rule is named with the include that breaks it.
. "${top_srcdir:-.}/tests/lib.sh"

cd "$top_srcdir/src" || exit 1

# The folders a file in folder $1 may include from, besides its own.
below() {
	case $1 in
	cmd)	echo "ui office sync common" ;;
	ui)	echo "office sync common" ;;
	office)	echo "sync common" ;;
	sync)	echo "common" ;;
	speech)	echo "common" ;;
	loketd)	echo "sync common" ;;
	common)	echo "" ;;
	*)	echo "?" ;;
	esac
}

# Where an include lands: "folder" of the file it names, as the compiler
# finds it (the including file's folder first, then src/).
target_folder() {
	_dir=$1 _inc=$2
	if [ -f "$_dir/$_inc" ]; then
		_path=$(cd "$_dir/$(dirname "$_inc")" && pwd)
	elif [ -f "$_inc" ]; then
		_path=$(cd "$(dirname "$_inc")" && pwd)
	else
		echo "missing"
		return
	fi
	_rel=${_path#"$(pwd)"/}
	[ "$_rel" = "$_path" ] && _rel=outside
	echo "${_rel%%/*}"
}

folders=$(for d in */; do echo "${d%/}"; done)
check "src/ holds only folders and at most a handful of files" \
	"$(find . -maxdepth 1 -type f -name '*.[ch]' | wc -l)" -le 5

for folder in $folders; do
	allowed=$(below "$folder")
	bad=
	check "src/$folder/ is a known floor" "$allowed" != "?"
	for file in "$folder"/*.[ch]; do
		[ -f "$file" ] || continue
		includes=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file")
		for inc in $includes; do
			[ "$inc" = config.h ] && continue
			to=$(target_folder "$folder" "$inc")
			[ "$to" = "$folder" ] && continue
			case " $allowed " in
			*" $to "*) ;;
			*) bad="$bad src/$file includes \"$inc\" (from $to/);" ;;
			esac
		done
	done
	check "src/$folder/ includes only from $folder/${allowed:+ and }$allowed" -z "$bad"
	[ -z "$bad" ] || printf '%s\n' "$bad" | tr ';' '\n' | sed '/^$/d; s/^ */# /'
	n=$(ls "$folder"/*.c 2>/dev/null | wc -l)
	check "src/$folder/ holds at most 35 source files ($n)" "$n" -le 35
done

done_testing
