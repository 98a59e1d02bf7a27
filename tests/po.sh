#!/bin/sh
# Translations: every file that marks strings is in POTFILES.in, and
# po/id.po translates every string with nothing fuzzy.
. "${top_srcdir:-.}/tests/lib.sh"

cd "$top_srcdir" || exit 1
: "${MSGFMT:=msgfmt}" "${XGETTEXT:=xgettext}" "${MSGMERGE:=msgmerge}"

marked=$(grep -lE '\b(_|N_|ngettext)\(' src/*/*.c | sort)
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
missing=$(printf '%s\n' "$marked" | grep -vxF "$listed")
check "every source file that marks strings is in po/POTFILES.in" -z "$missing"
[ -z "$missing" ] || printf '# missing: %s\n' $missing
gone=$(for f in $listed; do [ -f "$f" ] || echo "$f"; done)
check "every file in po/POTFILES.in exists" -z "$gone"

stats=$(LC_ALL=C "$MSGFMT" --statistics -c -o /dev/null po/id.po 2>&1)
check "po/id.po compiles with msgfmt -c" $? -eq 0
case $stats in *untranslated*|*fuzzy*) bad=1 ;; *) bad=0 ;; esac
check "po/id.po has no untranslated or fuzzy entries ($stats)" $bad -eq 0

"$XGETTEXT" --default-domain=loket --keyword=_ --keyword=N_ \
	--from-code=UTF-8 --add-comments=TRANSLATORS: --files-from=po/POTFILES.in \
	-o "$TMP/loket.pot" 2>"$TMP/xgettext.err"
check "xgettext reads every source file" $? -eq 0
sed 's/^/# xgettext: /' "$TMP/xgettext.err"
LC_ALL=C "$MSGMERGE" --quiet --no-fuzzy-matching -o "$TMP/merged.po" \
	po/id.po "$TMP/loket.pot" 2>"$TMP/msgmerge.err"
check "msgmerge merges po/id.po with the sources' strings" $? -eq 0 \
	-a -s "$TMP/merged.po"
sed 's/^/# msgmerge: /' "$TMP/msgmerge.err"
stats=$(LC_ALL=C "$MSGFMT" --statistics -o /dev/null "$TMP/merged.po" 2>&1)
case $stats in *untranslated*|*fuzzy*) bad=1 ;; *) bad=0 ;; esac
[ -s "$TMP/merged.po" ] || bad=1
check "every string in the sources today is translated ($stats)" $bad -eq 0
if [ $bad -ne 0 ]; then
	msgattrib --untranslated "$TMP/merged.po" 2>/dev/null | grep '^msgid' | head -20 | sed 's/^/# /'
fi

done_testing
