#!/bin/sh
# fixcompiles.sh XYLINT CORPUS SCRATCH [REPO...]: apply every fix
# (xylint fix --unsafe-fixes) to a scratch copy of each corpus repository
# (the corpus is never written), then check that every file the fix changed
# compiles (python3 -m py_compile; a file that did not compile before the
# fix either is listed, not counted) and that a second run changes nothing.
# Prints one line per repository and "broken N" at the end; exits 1 when a
# fixed file does not compile or a second run would change something.
set -eu
xylint=$(realpath "$1"); corpus=$2; scratch=$3; shift 3
repos=${*:-"CTFd dispatch fastapi full-stack-fastapi-template generative-ai lnbits mealie polar prefect python-docs-samples redash"}
broken=0; unstable=0
for r in $repos; do
	rm -rf "${scratch:?}/$r"; mkdir -p "$scratch"
	tar -C "$corpus" --exclude .git --exclude node_modules -cf - "$r" | tar -C "$scratch" -xf -
	printf 'importable-modules = ["shared"]\n' > "$scratch/$r/.xylint.toml"
	(cd "$scratch/$r" && find . -name '*.py' -type f -exec md5sum {} + | sort -k2 > "../.$r.before")
	# fix exits 1 when findings are left: not a failure here.
	(cd "$scratch/$r" && { "$xylint" fix --unsafe-fixes --no-cache . >/dev/null 2>&1 || :; })
	changed=$(cd "$scratch/$r" && find . -name '*.py' -type f -exec md5sum {} + | sort -k2 | diff - "../.$r.before" | grep '^<' | awk '{print $3}')
	n=0; bad=0
	for f in $changed; do
		n=$((n+1))
		if ! python3 -m py_compile "$scratch/$r/$f" 2>/dev/null; then
			# A file the installed python3 cannot compile before the fix
			# either (newer syntax, PEP 758) is not the fix's doing.
			if python3 -c 'import sys; compile(open(sys.argv[1], "rb").read(), sys.argv[1], "exec")' "$corpus/$r/$f" 2>/dev/null; then
				bad=$((bad+1)); echo "  does not compile: $r/$f"
			else
				echo "  did not compile before the fix either: $r/$f"
			fi
		fi
	done
	again=$(cd "$scratch/$r" || exit 2; { "$xylint" fix --diff --unsafe-fixes --no-cache . 2>/dev/null || :; } | grep -c '^+++ ' || :)
	echo "$r: $n files fixed, $bad do not compile, second run changes $again files"
	broken=$((broken+bad)); [ "$again" = 0 ] || unstable=$((unstable+again))
done
echo "broken $broken, changed by a second run $unstable"
[ "$broken" = 0 ] && [ "$unstable" = 0 ]
