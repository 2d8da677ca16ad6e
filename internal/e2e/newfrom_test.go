package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// `xylint check --new-from-rev` and friends on a git repository holding
// the sample platform: the base's findings are computed from its git
// objects and matched by fingerprint, never by line.

// gitPlatform is a git repository holding a copy of the sample platform,
// committed once; it returns its directory.
func gitPlatform(t *testing.T) string {
	t.Helper()
	dir := platformCopy(t)
	gitIn(t, dir, "init", "-q", "-b", "main")
	commitAll(t, dir, "base")
	return dir
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := gitCmd(dir, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func commitAll(t *testing.T, dir, msg string) {
	t.Helper()
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", msg)
}

// edit replaces old with new in the file rel below dir (old must occur).
func edit(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", rel, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

type jsonFinding struct {
	Code, Path, Message string
	Range               struct{ Start, End struct{ Line int } }
}

// checkJSON runs `xylint check --format json args...` in dir.
func checkJSON(t *testing.T, dir string, args ...string) (findings []jsonFinding, stderr string, code int) {
	t.Helper()
	out, errOut, code := runXylint(t, xylintBinary(t), dir, append([]string{"check", "--format", "json"}, args...)...)
	var rep struct{ Diagnostics []jsonFinding }
	if code != 2 {
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("xylint check %s: %v\n%s\n%s", strings.Join(args, " "), err, out, errOut)
		}
	}
	return rep.Diagnostics, errOut, code
}

func ids(fs []jsonFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+" "+f.Path+" "+strings.SplitN(f.Message, ";", 2)[0])
	}
	slices.Sort(out)
	return out
}

// TestNewFromRevReportsRoutesAChangeOpened: deleting the auth dependency
// from an include_router call in main.py opens every route of the routers
// it includes; the findings are on lines (and files) the commit did not
// touch, and all of them are reported — and nothing else is.
func TestNewFromRevReportsRoutesAChangeOpened(t *testing.T) {
	dir := gitPlatform(t)
	before, _, _ := checkJSON(t, dir, ".")
	edit(t, dir, "marketing-engine/main.py", `app.include_router(api_router, prefix="/api/v1", dependencies=[Depends(verify_api_key)])`,
		`app.include_router(api_router, prefix="/api/v1")`)
	commitAll(t, dir, "drop auth")
	after, _, _ := checkJSON(t, dir, ".")
	var opened []string
	for _, id := range ids(after) {
		if !slices.Contains(ids(before), id) {
			opened = append(opened, id)
		}
	}
	if len(opened) < 3 {
		t.Fatalf("the change should open the api router's routes; new findings of a full run: %v", opened)
	}
	got, stderr, code := checkJSON(t, dir, "--new-from-rev", "HEAD~1", ".")
	if !slices.Equal(ids(got), opened) {
		t.Errorf("--new-from-rev HEAD~1 reported\n%s\nwant the routes the change opened\n%s", strings.Join(ids(got), "\n"), strings.Join(opened, "\n"))
	}
	for _, f := range got {
		if f.Code != "XY002" || f.Path == "marketing-engine/main.py" {
			t.Errorf("%s %s: want the opened routes, in the routers' own files", f.Code, f.Path)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1 (new errors)", code)
	}
	if want := len(after) - len(got); !strings.Contains(stderr, strings.Repeat("", 0)+itoa(want)+" findings that exist at") {
		t.Errorf("stderr should say that %d findings were not reported:\n%s", want, stderr)
	}
	// Against HEAD itself nothing is new, and the run passes.
	got, _, code = checkJSON(t, dir, "--new-from-rev", "HEAD", ".")
	if len(got) != 0 || code != 0 {
		t.Errorf("--new-from-rev HEAD: %d findings, exit %d; want none, 0", len(got), code)
	}
	// A partial run reports the new findings in its paths only.
	got, _, _ = checkJSON(t, dir, "--new-from-rev", "HEAD~1", "marketing-engine/routers/keywords.py")
	for _, f := range got {
		if f.Path != "marketing-engine/routers/keywords.py" {
			t.Errorf("a run on keywords.py reported %s", f.Path)
		}
	}
	if len(got) == 0 {
		t.Error("a run on keywords.py lost its opened routes")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestNewFromRevMovedCodeIsNotNew: moving functions with findings within
// a file, re-indenting them and renaming files (git mv) reports nothing.
func TestNewFromRevMovedCodeIsNotNew(t *testing.T) {
	dir := gitPlatform(t)
	// Move every top-level function of executive-dashboard/main.py to
	// the end of the file, in reverse order, under a comment.
	p := filepath.Join(dir, "executive-dashboard", "main.py")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	head, funcs, tail := splitTopLevelDefs(string(b))
	if len(funcs) < 2 {
		t.Fatalf("main.py has %d top-level functions; the test needs two", len(funcs))
	}
	slices.Reverse(funcs)
	moved := head + "\n\n# Moved around.\n\n" + strings.Join(funcs, "\n\n") + "\n\n" + tail
	if err := os.WriteFile(p, []byte(moved), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "mv", "qa-engine/validators.py", "qa-engine/checks.py")
	edit(t, dir, "qa-engine/main.py", "validators", "checks")
	// A Go function moved below another.
	edit(t, dir, "go-services/attribution-gateway/main.go", "func healthz(w http.ResponseWriter, r *http.Request) {\n\tw.Write([]byte(\"ok\"))\n}\n", "")
	edit(t, dir, "go-services/attribution-gateway/main.go", "// RequireAPIKey", "func healthz(w http.ResponseWriter, r *http.Request) {\n\tw.Write([]byte(\"ok\"))\n}\n\n// RequireAPIKey")
	commitAll(t, dir, "move code")
	all, _, _ := checkJSON(t, dir, ".")
	if !slices.ContainsFunc(all, func(f jsonFinding) bool { return f.Path == "executive-dashboard/main.py" }) ||
		!slices.ContainsFunc(all, func(f jsonFinding) bool { return f.Path == "qa-engine/checks.py" }) {
		t.Fatalf("the moved files should still have findings: %v", ids(all))
	}
	got, stderr, code := checkJSON(t, dir, "--new-from-rev", "HEAD~1", ".")
	if len(got) != 0 || code != 0 {
		t.Errorf("moving code reported %v (exit %d)\n%s", ids(got), code, stderr)
	}
}

// splitTopLevelDefs splits Python source into what precedes its first
// top-level def (with its decorators), each top-level def, and the
// top-level code after them.
func splitTopLevelDefs(src string) (head string, funcs []string, tail string) {
	var h, tl strings.Builder
	var cur *strings.Builder
	pending := ""
	flush := func() {
		if cur != nil {
			funcs = append(funcs, strings.TrimRight(cur.String(), "\n")+"\n")
			cur = nil
		}
	}
	seenDef := false
	for _, l := range strings.SplitAfter(src, "\n") {
		switch {
		case strings.HasPrefix(l, "@"):
			pending += l
			continue
		case strings.HasPrefix(l, "def ") || strings.HasPrefix(l, "async def "):
			flush()
			seenDef = true
			cur = &strings.Builder{}
			cur.WriteString(pending + l)
		case cur != nil && (l == "\n" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")):
			cur.WriteString(l)
		case seenDef:
			flush()
			tl.WriteString(pending + l)
		default:
			h.WriteString(pending + l)
		}
		pending = ""
	}
	flush()
	return h.String(), funcs, tl.String()
}

// TestNewFromRevGo: the Go side's base is the revision's files too (a
// go/packages overlay): a route that loses its auth wrapper and a file
// added since are new; the package's old findings are not.
func TestNewFromRevGo(t *testing.T) {
	dir := gitPlatform(t)
	gw := "go-services/attribution-gateway/"
	edit(t, dir, gw+"main.go", `RequireAPIKey(getConversion)`, `getConversion`)
	if err := os.WriteFile(filepath.Join(dir, gw+"extra.go"), []byte("package main\n\nimport \"net/http\"\n\nfunc extra(w http.ResponseWriter, r *http.Request) {\n\tw.Header().Set(\"Access-Control-Allow-Origin\", \"*\")\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	commitAll(t, dir, "open a route, add a file")
	got, stderr, _ := checkJSON(t, dir, "--new-from-rev", "HEAD~1", "go-services")
	want := []string{gw + "extra.go XY001", gw + "main.go XY002"}
	var have []string
	for _, f := range got {
		have = append(have, f.Path+" "+f.Code)
	}
	slices.Sort(have)
	if !slices.Equal(have, want) {
		t.Errorf("--new-from-rev HEAD~1 on the Go services: %v, want %v\n%s", have, want, stderr)
	}
	if len(got) == 2 && !strings.Contains(got[1].Message+got[0].Message, "GET /conversions/{id}") {
		t.Errorf("the new XY002 should be GET /conversions/{id}: %v", got)
	}
}

// TestNewFromBadInput: a revision that does not exist, a shallow clone
// without the base, a directory outside git, a patch that does not parse
// and two bases at once: one clear message each, exit 2.
func TestNewFromBadInput(t *testing.T) {
	dir := gitPlatform(t)
	edit(t, dir, "content-hub/main.py", "import", "import os  # touched\nimport")
	commitAll(t, dir, "second")
	shallow := filepath.Join(t.TempDir(), "shallow")
	gitIn(t, dir, "clone", "-q", "--depth", "1", "file://"+dir, shallow)
	notGit := platformCopy(t)
	garbage := filepath.Join(t.TempDir(), "bad.patch")
	if err := os.WriteFile(garbage, []byte("this is not\na diff\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "short.patch")
	if err := os.WriteFile(truncated, []byte("--- a/x.py\n+++ b/x.py\n@@ -1,3 +1,4 @@\n x\n+y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, dir string
		args      []string
		want      []string
	}{
		{"no such rev", dir, []string{"--new-from-rev", "no-such-branch"}, []string{"no-such-branch does not exist"}},
		{"shallow", shallow, []string{"--new-from-rev", "HEAD~1"}, []string{"not in this shallow clone", "git fetch --deepen", "fetch-depth: 0"}},
		{"shallow merge base", shallow, []string{"--new-from-merge-base", "HEAD~1"}, []string{"shallow clone", "git fetch"}},
		{"not git", notGit, []string{"--new-from-rev", "HEAD"}, []string{"not in a git work tree", "--new-from-patch"}},
		{"garbage patch", dir, []string{"--new-from-patch", garbage}, []string{"not a unified diff"}},
		{"truncated patch", dir, []string{"--new-from-patch", truncated}, []string{"line 5", "ends early"}},
		{"missing patch", dir, []string{"--new-from-patch", filepath.Join(dir, "nope.patch")}, []string{"--new-from-patch", "no such file"}},
		{"two bases", dir, []string{"--new-from-rev", "HEAD", "--new-from-patch", garbage}, []string{"give one"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := runXylint(t, xylintBinary(t), c.dir, append([]string{"check"}, append(c.args, ".")...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2\n%s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 {
				t.Errorf("want one message, got:\n%s", stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("message %q does not say %q", strings.TrimSpace(stderr), w)
				}
			}
		})
	}
}

// TestNewFromMergeBase: a pull request's view. main fixes a finding after
// the branch left it; against the merge base the branch's copy of that
// finding is old, against main's head it would be new.
func TestNewFromMergeBase(t *testing.T) {
	dir := gitPlatform(t)
	gitIn(t, dir, "checkout", "-q", "-b", "feature")
	edit(t, dir, "qa-engine/main.py", "import", "import os\nprint(os.getcwd())\nimport")
	commitAll(t, dir, "feature: a print")
	gitIn(t, dir, "checkout", "-q", "main")
	edit(t, dir, "executive-dashboard/main.py", `        print("export failed")`, `        logger.exception("export failed")`)
	commitAll(t, dir, "main: log the failure")
	gitIn(t, dir, "checkout", "-q", "feature")

	got, stderr, _ := checkJSON(t, dir, "--new-from-merge-base", "main", ".")
	if ids := ids(got); len(ids) != 1 || !strings.HasPrefix(ids[0], "XY005 qa-engine/main.py") {
		t.Errorf("--new-from-merge-base main: %v, want the branch's print only\n%s", ids, stderr)
	}
	if !strings.Contains(stderr, "the merge base with main") {
		t.Errorf("stderr should name the merge base:\n%s", stderr)
	}
	got, _, _ = checkJSON(t, dir, "--new-from-rev", "main", ".")
	if !slices.ContainsFunc(got, func(f jsonFinding) bool { return f.Path == "executive-dashboard/main.py" }) {
		t.Errorf("--new-from-rev main should count the print main removed as new: %v", ids(got))
	}
}

// TestNewFromPatch: without a repository, the findings on the lines a
// patch adds; what the change causes elsewhere is not seen, and --help
// says so.
func TestNewFromPatch(t *testing.T) {
	dir := gitPlatform(t)
	edit(t, dir, "qa-engine/main.py", "import", "import os\nprint(os.getcwd())\nimport")
	edit(t, dir, "marketing-engine/main.py", `, dependencies=[Depends(verify_api_key)])`, `)`)
	patch := filepath.Join(t.TempDir(), "change.patch")
	if err := os.WriteFile(patch, []byte(gitIn(t, dir, "diff")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "qa-engine/main.py"))
	if err != nil {
		t.Fatal(err)
	}
	printLine := 1 + strings.Count(string(src[:strings.Index(string(src), "print(os.getcwd())")]), "\n")
	got, stderr, code := checkJSON(t, dir, "--new-from-patch", patch, ".")
	if ids := ids(got); len(ids) != 1 || !strings.HasPrefix(ids[0], "XY005 qa-engine/main.py") || got[0].Range.Start.Line != printLine {
		t.Errorf("--new-from-patch: %v, want the print on the added line %d only\n%s", ids, printLine, stderr)
	}
	if code != 1 || !strings.Contains(stderr, "changed lines only") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	help, _, _ := runXylint(t, xylintBinary(t), dir, "check", "--help")
	if !strings.Contains(help, "Falls back to changed lines") || !strings.Contains(help, "--new-from-merge-base") {
		t.Errorf("check --help should document --new-from-patch's fallback:\n%s", help)
	}
	help, _, _ = runXylint(t, xylintBinary(t), dir, "review", "--help")
	if !strings.Contains(help, "--new-from-merge-base") {
		t.Error("review --help lacks --new-from-merge-base")
	}
}

// TestBaseline: --write-baseline records today's findings in a file made
// to be committed; --baseline hides them, says how many it hid and how
// many entries match nothing any more, and lets new findings through.
func TestBaseline(t *testing.T) {
	dir := platformCopy(t)
	bl := filepath.Join(t.TempDir(), "xylint-baseline.json")
	all, _, _ := checkJSON(t, dir, ".")
	_, stderr, _ := checkJSON(t, dir, "--write-baseline", bl, ".")
	if !strings.Contains(stderr, "wrote "+itoa(len(all))+" findings to the baseline") {
		t.Errorf("stderr:\n%s", stderr)
	}
	first, err := os.ReadFile(bl)
	if err != nil {
		t.Fatal(err)
	}
	// Committed-friendly: one finding per line, paths relative to the
	// project root whatever the working directory, the same bytes each
	// time, no line numbers.
	if n := strings.Count(string(first), "\n  {"); n != len(all) {
		t.Errorf("%d lines with a finding, want %d", n, len(all))
	}
	if strings.Contains(string(first), dir) || strings.Contains(string(first), `"line"`) {
		t.Errorf("the baseline names the machine's directories or lines:\n%s", first)
	}
	checkJSON(t, dir, "--write-baseline", bl, ".")
	if again, _ := os.ReadFile(bl); !bytes.Equal(again, first) {
		t.Errorf("written twice, the baseline differs:\n%s\n---\n%s", first, again)
	}
	// From a subdirectory the entries are the same (a message may name
	// another file relative to the working directory: it is for people,
	// not matched).
	checkJSON(t, filepath.Join(dir, "marketing-engine"), "--write-baseline", bl, "--project-root", "..", "..")
	noMessages := regexp.MustCompile(`,"message":".*"}`)
	if again, _ := os.ReadFile(bl); noMessages.ReplaceAllString(string(again), "") != noMessages.ReplaceAllString(string(first), "") {
		t.Errorf("written from a subdirectory, the baseline differs:\n%s\n---\n%s", first, again)
	}

	got, stderr, code := checkJSON(t, dir, "--baseline", bl, ".")
	if len(got) != 0 || code != 0 || !strings.Contains(stderr, itoa(len(all))+" findings hidden") || strings.Contains(stderr, "match no finding") {
		t.Errorf("against its own baseline: %v, exit %d\n%s", ids(got), code, stderr)
	}
	// Fix one finding, add one, move code: the new one alone is reported,
	// and the fixed entry is counted.
	edit(t, dir, "executive-dashboard/main.py", `    print("annotation saved:", note.get("title"))`+"\n", "")
	edit(t, dir, "qa-engine/main.py", "import hmac", "import hmac\nprint(hmac)")
	edit(t, dir, "system-runtime/main.py", "import", "# A comment that moves everything down.\n\nimport")
	got, stderr, code = checkJSON(t, dir, "--baseline", bl, ".")
	if ids := ids(got); len(ids) != 1 || !strings.HasPrefix(ids[0], "XY005 qa-engine/main.py") || code != 1 {
		t.Errorf("after the edits: %v, exit %d; want the new print\n%s", ids, code, stderr)
	}
	if !strings.Contains(stderr, itoa(len(all)-1)+" findings hidden; 1 of its entries match no finding any more") {
		t.Errorf("stderr should count the hidden findings and the fixed entry:\n%s", stderr)
	}

	other := filepath.Join(t.TempDir(), "v2.json")
	os.WriteFile(other, []byte(strings.Replace(string(first), `"version": 1`, `"version": 2`, 1)), 0o644)
	_, stderr, code = checkJSON(t, dir, "--baseline", other, ".")
	if code != 2 || !strings.Contains(stderr, "version 2 baseline") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("a version 2 baseline: exit %d\n%s", code, stderr)
	}
}

// TestNewFromRevFirstCommit: in a repository without a commit yet (the
// pre-commit hook on the first commit), every finding is new.
func TestNewFromRevFirstCommit(t *testing.T) {
	dir := platformCopy(t)
	gitIn(t, dir, "init", "-q", "-b", "main")
	all, _, _ := checkJSON(t, dir, ".")
	got, stderr, code := checkJSON(t, dir, "--new-from-rev", "HEAD", ".")
	if len(got) != len(all) || code != 1 || !strings.Contains(stderr, "HEAD has no commit yet: every finding is new") {
		t.Errorf("%d of %d findings, exit %d\n%s", len(got), len(all), code, stderr)
	}
}

// TestNewFromRevBaseNotAnalysed: a base file that cannot be read (its
// object is missing from the repository) has no findings at the base, so
// its findings are new — and the message says why.
func TestNewFromRevBaseNotAnalysed(t *testing.T) {
	dir := gitPlatform(t)
	blob := gitIn(t, dir, "rev-parse", "HEAD:executive-dashboard/main.py")
	edit(t, dir, "executive-dashboard/main.py", "import logging", "import logging  # edited")
	commitAll(t, dir, "edit")
	if err := os.Remove(filepath.Join(dir, ".git", "objects", blob[:2], blob[2:])); err != nil {
		t.Fatal(err)
	}
	got, stderr, _ := checkJSON(t, dir, "--new-from-rev", "HEAD~1", ".")
	if len(got) == 0 || slices.ContainsFunc(got, func(f jsonFinding) bool { return f.Path != "executive-dashboard/main.py" }) {
		t.Errorf("want the findings of the file the base could not read, only: %v", ids(got))
	}
	if !strings.Contains(stderr, "1 file could not be analysed, so their findings count as new (first: ") || !strings.Contains(stderr, "executive-dashboard/main.py") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// TestNewFromRevBaseCached: the base's findings are kept in the cache by
// the base's tree, the configuration and the build, so a second
// --new-from-rev HEAD (the pre-commit hook at every commit attempt) does
// not analyse the base: it does not need the base's objects. The proof is
// a base blob taken out of the repository — a run that analysed the base
// would say it could not read it. A changed configuration or a new commit
// is another key (the base is analysed again); a corrupt pack is ignored.
func TestNewFromRevBaseCached(t *testing.T) {
	t.Setenv("XYLINT_CACHE_DIR", t.TempDir())
	dir := gitPlatform(t)
	const main = "marketing-engine/main.py"
	edit(t, dir, main, `app.include_router(api_router, prefix="/api/v1", dependencies=[Depends(verify_api_key)])`,
		`app.include_router(api_router, prefix="/api/v1")`)
	gitIn(t, dir, "add", main) // staged, as the hook sees a commit
	want, _, _ := checkJSON(t, dir, "--no-cache", "--new-from-rev", "HEAD", ".")
	if len(want) == 0 {
		t.Fatal("opening the api router should give new findings")
	}
	run := func(what string, wantAnalysed bool, args ...string) []jsonFinding {
		t.Helper()
		got, stderr, code := checkJSON(t, dir, append(args, "--new-from-rev", "HEAD", ".")...)
		if code == 2 || !strings.Contains(stderr, "findings that exist at") {
			t.Fatalf("%s: exit %d\n%s", what, code, stderr)
		}
		if analysed := strings.Contains(stderr, "could not be analysed"); analysed != wantAnalysed {
			t.Errorf("%s: the base was analysed: %t, want %t\n%s", what, analysed, wantAnalysed, stderr)
		}
		return got
	}
	if got := run("first run", false); !slices.Equal(ids(got), ids(want)) {
		t.Fatalf("with the cache:\n%s\nwithout:\n%s", strings.Join(ids(got), "\n"), strings.Join(ids(want), "\n"))
	}
	// The base's main.py exists only as an object: the work tree changed it.
	blob := gitIn(t, dir, "rev-parse", "HEAD:"+main)
	baseSrc, err := gitCmd(dir, "cat-file", "blob", blob).Output()
	if err != nil {
		t.Fatal(err)
	}
	object := filepath.Join(dir, ".git", "objects", blob[:2], blob[2:])
	if err := os.Remove(object); err != nil {
		t.Fatal(err)
	}
	run("without the cache", true, "--no-cache")
	if got := run("second run", false); !slices.Equal(ids(got), ids(want)) {
		t.Errorf("a second run reported\n%s\nwant\n%s", strings.Join(ids(got), "\n"), strings.Join(ids(want), "\n"))
	}

	// Another configuration is another key; going back finds the first.
	pyproject := filepath.Join(dir, "pyproject.toml")
	conf, err := os.ReadFile(pyproject)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pyproject, bytes.Replace(conf, []byte("allow-in-main = true"), []byte("allow-in-main = false"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	run("changed configuration", true)
	if err := os.WriteFile(pyproject, conf, 0o644); err != nil {
		t.Fatal(err)
	}
	run("configuration restored", false)

	// A corrupt pack is an empty one: the base is analysed.
	packs, _ := filepath.Glob(filepath.Join(os.Getenv("XYLINT_CACHE_DIR"), "*", "*.pack"))
	if len(packs) == 0 {
		t.Fatal("no pack in the cache")
	}
	for _, p := range packs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b[:len(b)/2], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("corrupt cache", true)

	// With the object back, the base is analysed and kept again; a new
	// commit is a new base.
	hashObject := gitCmd(dir, "hash-object", "-w", "--stdin")
	hashObject.Stdin = bytes.NewReader(baseSrc)
	if out, err := hashObject.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != blob {
		t.Fatalf("restoring %s: %v %s", blob, err, out)
	}
	if got := run("object restored", false); !slices.Equal(ids(got), ids(want)) {
		t.Errorf("reported\n%s\nwant\n%s", strings.Join(ids(got), "\n"), strings.Join(ids(want), "\n"))
	}
	commitAll(t, dir, "drop auth")
	edit(t, dir, main, "import logging", "import logging  # edited")
	gitIn(t, dir, "add", main)
	blob = gitIn(t, dir, "rev-parse", "HEAD:"+main)
	if err := os.Remove(filepath.Join(dir, ".git", "objects", blob[:2], blob[2:])); err != nil {
		t.Fatal(err)
	}
	run("new commit", true)
}
