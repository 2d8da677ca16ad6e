package golangci_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestGolangciLintEndToEnd builds golangci-lint v2.15.0 with the plugin
// compiled in, through the wrapper module in tools/golangci-lint (what
// `golangci-lint custom` would build, without its git clone), and runs it
// on testdata/e2e: findings, //nolint:xylint and --fix.
//
// The binary is cached by a hash of everything that goes into it, under
// $XYLINT_GOLANGCI_CACHE or the user cache dir, so the cold build (minutes)
// happens once per change of the plugin. Set XYLINT_GOLANGCI_LINT to a
// prebuilt binary to skip the build.
func TestGolangciLintEndToEnd(t *testing.T) {
	bin := golangciLint(t)
	work := t.TempDir()
	copyDir(t, filepath.Join("testdata", "e2e"), work)
	cache := t.TempDir()

	issues, out := runLint(t, bin, work, cache)
	got := map[string]bool{}
	for _, is := range issues {
		if is.FromLinter != "xylint" {
			t.Errorf("issue from %s: %s", is.FromLinter, is.Text)
		}
		got[is.Pos.Filename+":"+itoa(is.Pos.Line)+": "+code(is.Text)] = true
	}
	want := []string{
		"lib/lib.go:10: XY001", "lib/lib.go:11: XY005", "lib/lib.go:12: XY004", "lib/lib.go:13: XY003",
		"main.go:14: XY005", "main.go:21: XY002", "main.go:22: XY006",
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing finding %s", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d findings, want %d:\n%s", len(got), len(want), out)
	}
	// Each message starts with the finding's level, and the severity rules
	// of testdata/e2e/.golangci.yml (the ones docs/go.md suggests) turn it
	// into golangci-lint's severity.
	nErrors := 0
	for _, is := range issues {
		level := level(is.Text)
		if level != "error" && level != "warning" && level != "note" {
			t.Errorf("issue text does not start with a level: %q", is.Text)
		}
		want := level
		if level == "note" {
			want = "info" // .golangci.yml's severity rules
		}
		if is.Severity != want {
			t.Errorf("severity %q for %q", is.Severity, is.Text)
		}
		if level == "error" {
			nErrors++
		}
	}
	if nErrors == 0 || nErrors == len(issues) {
		t.Errorf("%d errors among %d issues; the sample has both levels", nErrors, len(issues))
	}
	// main.go:15 has //nolint:xylint; Guard protects POST /pay (line 20).
	for k := range got {
		if strings.HasPrefix(k, "main.go:15:") || strings.HasPrefix(k, "main.go:20:") {
			t.Errorf("finding %s should not be reported", k)
		}
	}

	// --fix: XY005 (both files) and XY006 are fixed; the result matches
	// testdata/e2e.fixed, is gofmt'd, and builds.
	cmd := exec.Command(bin, "run", "--fix", "./...")
	cmd.Dir = work
	cmd.Env = lintEnv(cache)
	if out, err := cmd.CombinedOutput(); exitCode(err) != 1 {
		t.Fatalf("golangci-lint run --fix: %v\n%s", err, out)
	}
	for _, f := range []string{"main.go", "lib/lib.go"} {
		fixed, err := os.ReadFile(filepath.Join(work, f))
		if err != nil {
			t.Fatal(err)
		}
		wantFixed, err := os.ReadFile(filepath.Join("testdata", "e2e.fixed", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fixed, wantFixed) {
			t.Errorf("%s after --fix:\n%s\nwant:\n%s", f, fixed, wantFixed)
		}
	}
	gofmt := exec.Command("gofmt", "-l", ".")
	gofmt.Dir = work
	if out, err := gofmt.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("gofmt -l after --fix: %v %s", err, out)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = work
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("go build after --fix: %v\n%s", err, out)
	}
	issues, out = runLint(t, bin, work, cache)
	for _, is := range issues {
		if c := code(is.Text); c == "XY005" || c == "XY006" {
			t.Errorf("still reported after --fix: %s:%d %s", is.Pos.Filename, is.Pos.Line, is.Text)
		}
	}
	if len(issues) != 4 {
		t.Errorf("after --fix: %d findings, want the 4 without fixes:\n%s", len(issues), out)
	}

	// fail-on: error reports the errors only (golangci-lint fails on every
	// issue it reports).
	conf := filepath.Join(work, ".golangci.yml")
	yml, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	yml = bytes.Replace(yml, []byte("fail-on: note"), []byte("fail-on: error"), 1)
	if err := os.WriteFile(conf, yml, 0o644); err != nil {
		t.Fatal(err)
	}
	strict, out := runLint(t, bin, work, t.TempDir())
	n := 0
	for _, is := range issues {
		if level(is.Text) == "error" {
			n++
		}
	}
	for _, is := range strict {
		if level(is.Text) != "error" {
			t.Errorf("fail-on: error reported %q", is.Text)
		}
	}
	if n == 0 || len(strict) != n {
		t.Errorf("fail-on: error: %d issues, want the %d errors:\n%s", len(strict), n, out)
	}
}

type issue struct {
	FromLinter string
	Text       string
	Severity   string
	Pos        struct {
		Filename string
		Line     int
	}
}

func runLint(t *testing.T, bin, dir, cache string) ([]issue, string) {
	t.Helper()
	cmd := exec.Command(bin, "run", "--output.json.path", "stdout", "--output.text.path", "stderr", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = lintEnv(cache)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if code := exitCode(err); code != 0 && code != 1 {
		t.Fatalf("golangci-lint run: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	var report struct{ Issues []issue }
	if err := json.NewDecoder(&stdout).Decode(&report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, stdout.String())
	}
	return report.Issues, stderr.String()
}

// lintEnv isolates golangci-lint's own result cache per test run.
func lintEnv(cache string) []string {
	return append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache)
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

func code(text string) string {
	// "printcall: XY005 print-call: ..." — golangci-lint prefixes the
	// analyzer name to the message.
	for _, f := range strings.Fields(text) {
		if strings.HasPrefix(f, "XY") {
			return f
		}
	}
	return ""
}

// level is the level an xylint message starts with, after the analyzer
// name golangci-lint puts first ("printcall: warning: XY005 ...").
func level(text string) string {
	_, msg, _ := strings.Cut(text, ": ")
	level, _, _ := strings.Cut(msg, ": ")
	return level
}

func itoa(n int) string { return strconv.Itoa(n) }

// golangciLint returns the path of the custom golangci-lint, building it
// when no binary for the current sources is cached.
func golangciLint(t *testing.T) string {
	if bin := os.Getenv("XYLINT_GOLANGCI_LINT"); bin != "" {
		return bin
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tools := filepath.Join(root, "tools", "golangci-lint")
	key := sourceHash(t, root, tools)
	dir := os.Getenv("XYLINT_GOLANGCI_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			t.Fatalf("no cache dir (set XYLINT_GOLANGCI_CACHE): %v", err)
		}
		dir = filepath.Join(base, "xylint", "golangci-lint")
	}
	bin := filepath.Join(dir, "golangci-lint-"+key)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		return bin
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	tmp := bin + ".tmp" + itoa(os.Getpid())
	cmd := exec.Command("go", "build", "-o", tmp, ".")
	cmd.Dir = tools
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building golangci-lint with the plugin in %s: %v\n%s", tools, err, out)
	}
	if err := os.Rename(tmp, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %s", bin, time.Since(start).Round(time.Second))
	return bin
}

// sourceHash covers what the binary is built from: the wrapper module, and
// the xylint packages it compiles in (their Go files and embedded docs),
// xylint's go.mod/go.sum and the Go version.
func sourceHash(t *testing.T, root, tools string) string {
	h := sha256.New()
	h.Write([]byte(runtime.Version()))
	files := []string{
		filepath.Join(tools, "go.mod"), filepath.Join(tools, "go.sum"), filepath.Join(tools, "main.go"),
		filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"),
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{if .Module}}{{if eq .Module.Path \"github.com/xynergy/xylint\"}}{{.Dir}}{{end}}{{end}}", "./golangci")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dir := range strings.Fields(string(out)) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	sort.Strings(files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		h.Write([]byte(filepath.ToSlash(rel) + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func copyDir(t *testing.T, src, dst string) {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
