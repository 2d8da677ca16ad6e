package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/testutil/validators"
)

var (
	printCall = &lint.Rule{Code: "XY005", Name: "print-call", Summary: "print call instead of logging", Severity: lint.Warning,
		Doc: "Finds print calls.\n\n# Why is this bad?\n\nLogs.\n"}
	broadExcept  = &lint.Rule{Code: "XY004", Name: "broad-except", Summary: "broad exception handler", Severity: lint.Warning, Doc: "Finds handlers."}
	directClient = &lint.Rule{Code: "XY003", Name: "direct-client", Summary: "client built directly", Severity: lint.Warning,
		Doc: "Finds clients.\n",
		Levels: []lint.LevelDoc{
			{Level: lint.Warning, When: "a client built per request"},
			{Level: lint.Note, When: "a client built once per process"},
		}}
	registry = []*lint.Rule{lint.SyntaxError, directClient, broadExcept, printCall}
)

const srcA = "import sys\n\tprint(\"héllo\", x)  # tab-indented\ntry:\n    pass\nexcept Exception:\n    pass\n"

// result builds a check result by hand: a note on the first line, a print
// with a fix on a line with a tab and a non-ASCII character, and a broad
// except whose message needs escaping in workflow commands.
func result() *driver.Result {
	lines := lint.NewLines([]byte(srcA))
	start := strings.Index(srcA, "print")
	end := strings.Index(srcA, "x)") + 2
	exc := strings.Index(srcA, "except")
	res := &driver.Result{
		Files: []*lint.FileResult{{Path: "svc a/main.py", Language: lint.Python, Src: []byte(srcA)}},
		Diagnostics: []lint.Diagnostic{
			{Rule: directClient, Language: lint.Python, Path: "svc a/main.py", Range: lines.Range(0, 10), Severity: lint.Note,
				Message: "client created once per process"},
			{Rule: printCall, Language: lint.Python, Path: "svc a/main.py", Range: lines.Range(start, end), Severity: lint.Warning,
				Message: "`print` call; use the module logger",
				Fix:     &lint.Fix{Message: "Replace `print` with `logger.info`", Safety: lint.Safe, Edits: []lint.Edit{{Start: start, End: start + 5, New: "logger.info"}}}},
			{Rule: broadExcept, Language: lint.Python, Path: "svc a/main.py", Range: lines.Range(exc, exc+len("except Exception:")), Severity: lint.Error,
				Message: "100% swallowed: except Exception, then pass\nreally"},
		},
		Errors:  []driver.Problem{{Path: "broken.py", Message: "dangling symbolic link"}},
		Notices: []driver.Problem{{Path: "t/{{x}}.py", Message: "skipped: template"}},
	}
	return res
}

func withRegistry(res *driver.Result) *driver.Result {
	res.Registry = &config.Registry{Rules: registry}
	return res
}

func render(t *testing.T, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, withRegistry(result()), opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestText(t *testing.T) {
	got := render(t, Options{Format: "text"})
	// The message's newline is escaped: text from the code being checked
	// never starts a line of its own.
	want := "svc a/main.py:1:1: note: XY003 [direct-client] client created once per process\n" +
		"svc a/main.py:2:2: warning: XY005 [print-call] `print` call; use the module logger\n" +
		"svc a/main.py:5:1: error: XY004 [broad-except] 100% swallowed: except Exception, then pass\\nreally\n" +
		"Found 3 problems (1 error, 1 warning, 1 note); 1 with a fix; 1 below fail-on does not fail the run.\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextExcerptUnderlinesInCodePoints(t *testing.T) {
	got := render(t, Options{Format: "text", Excerpts: true})
	// "print(\"héllo\", x)" is 17 code points (18 bytes); the underline
	// keeps the line's tab.
	want := " 2 | \tprint(\"héllo\", x)  # tab-indented\n" +
		"   | \t^^^^^^^^^^^^^^^^^\n" +
		"  = fix: Replace `print` with `logger.info`\n"
	if !strings.Contains(got, want) {
		t.Errorf("excerpt missing:\n%s", got)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colour without Color")
	}
	if colored := render(t, Options{Format: "text", Excerpts: true, Color: true}); !strings.Contains(colored, "\x1b[1m\x1b[31merror:\x1b[0m") ||
		!strings.Contains(colored, "\x1b[1m\x1b[34mnote:\x1b[0m") {
		t.Errorf("error not red, or note not blue:\n%q", colored)
	}
}

func TestGitHubEscaping(t *testing.T) {
	got := render(t, Options{Format: "github"})
	want := "::notice file=svc a/main.py,line=1,endLine=1,col=1,endColumn=11,title=XY003 [direct-client]::client created once per process\n" +
		"::warning file=svc a/main.py,line=2,endLine=2,col=2,endColumn=19,title=XY005 [print-call]::`print` call; use the module logger\n" +
		"::error file=svc a/main.py,line=5,endLine=5,col=1,endColumn=18,title=XY004 [broad-except]::100%25 swallowed: except Exception, then pass%0Areally\n" +
		"::error file=broken.py,title=xylint::dangling symbolic link\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if p := escapeProperty("a:b,c%d\r\n"); p != "a%3Ab%2Cc%25d%0D%0A" {
		t.Errorf("escapeProperty = %q", p)
	}
}

func TestStepSummary(t *testing.T) {
	file := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(file, []byte("earlier step\n"), 0o644)
	var b bytes.Buffer
	if err := Write(&b, withRegistry(result()), Options{Format: "github", StepSummary: file, Links: "https://github.com/o/r/blob/abc/"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(file)
	for _, want := range []string{"earlier step\n## xylint", "3 problems found (1 error, 1 warning, 1 note)",
		"| [XY004 broad-except](https://github.com/xynergy/xylint/blob/main/analyzers/broadexcept/doc.go) | 1 | 0 | 0 |",
		"| service | errors | warnings | notes |\n| --- | ---: | ---: | ---: |\n| `svc a` | 1 | 1 | 1 |\n",
		"<details><summary>svc a: 3 findings</summary>",
		"| [`svc a/main.py:1:1`](https://github.com/o/r/blob/abc/svc%20a/main.py#L1) | note | XY003 \\[direct-client\\] | client created once per process |",
		"| [`svc a/main.py:5:1`](https://github.com/o/r/blob/abc/svc%20a/main.py#L5) | error | XY004 \\[broad-except\\] | 100% swallowed: except Exception, then pass\\\\nreally |", "1 path could not be checked"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
}

// GitHub shows 10 annotations of each level per step: with a summary,
// the others are counted in one notice instead of being dropped silently.
func TestAnnotationsStayWithinGitHubsLimits(t *testing.T) {
	res := withRegistry(result())
	one := res.Diagnostics[1] // the warning
	res.Diagnostics = nil
	for i := 0; i < 25; i++ {
		res.Diagnostics = append(res.Diagnostics, one)
	}
	var b bytes.Buffer
	if err := Write(&b, res, Options{Format: "github", StepSummary: filepath.Join(t.TempDir(), "s.md")}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "::warning "); n != 10 || !strings.Contains(out, "::notice title=xylint::15 more findings are not annotated here") {
		t.Fatalf("%d warnings:\n%s", n, out)
	}
	b.Reset()
	if err := Write(&b, res, Options{Format: "github"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "::warning "); n != 25 {
		t.Fatalf("without a summary every finding is a command: %d", n)
	}
}

func TestStatistics(t *testing.T) {
	got := render(t, Options{Format: "text", Statistics: true})
	want := "     1  XY003  direct-client           1 note\n" +
		"     1  XY004  broad-except            1 error\n" +
		"     1  XY005  print-call              1 warning  (1 with a fix)\n"
	if got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
	var stats []RuleCount
	if err := json.Unmarshal([]byte(render(t, Options{Format: "json", Statistics: true})), &stats); err != nil || len(stats) != 3 || stats[2].Fixable != 1 || stats[0].BySeverity["note"] != 1 {
		t.Errorf("json statistics = %+v, %v", stats, err)
	}
	var b bytes.Buffer
	if err := Write(&b, withRegistry(result()), Options{Format: "sarif", Statistics: true}); err == nil {
		t.Error("--statistics with sarif accepted")
	}
}

func TestJSONMatchesItsSchema(t *testing.T) {
	out := render(t, Options{Format: "json", ToolVersion: "v1.2.3"})
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if n := rep.Diagnostics[0]; n.Severity != "note" || rep.Diagnostics[2].Severity != "error" {
		t.Errorf("severities %q, %q; want note, error", n.Severity, rep.Diagnostics[2].Severity)
	}
	d := rep.Diagnostics[1]
	if d.Range.Start.Column != 2 || d.Range.End.Column != 19 || d.Range.End.Offset-d.Range.Start.Offset != 18 {
		t.Errorf("range = %+v (columns count code points, offsets bytes)", d.Range)
	}
	if d.Fix == nil || d.Fix.Safety != "safe" || d.Fix.Edits[0].Range.Start.Line != 2 || d.Fix.Edits[0].New != "logger.info" {
		t.Errorf("fix = %+v", d.Fix)
	}
	if rep.Version != 2 || rep.Summary.ExitCode != 2 || rep.Summary.ByRule["XY005"] != 1 || rep.Summary.Failing != 2 ||
		rep.Summary.BySeverity["note"] != 1 || rep.Summary.BySeverity["error"] != 1 {
		t.Errorf("summary = %+v", rep.Summary)
	}
	validators.AJV(t, validators.JSONOutputSchema(t), out)
}

func TestSARIFIsValidAndCarriesWhatCodeScanningReads(t *testing.T) {
	out := render(t, Options{Format: "sarif", ToolVersion: "v1.2.3"})
	validators.AJV(t, validators.SARIFSchema(t), out)
	for _, want := range []string{
		`"columnKind": "unicodeCodePoints"`,
		`"uri": "svc%20a/main.py"`,
		`"uriBaseId": "%SRCROOT%"`,
		`"name": "PrintCall"`,
		`"text": "logger.info"`,
		`"primaryLocationLineHash": "`,
		`"executionSuccessful": false`,
		`"level": "note"`,
		"- note: a client built once per process",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	validators.SARIFMultitool(t, out)
}

func TestFingerprintSurvivesLinesMoving(t *testing.T) {
	f := newFingerprinter()
	a := f.hash("XY005", "m.py", []byte(`    print("x")`))
	g := newFingerprinter()
	b := g.hash("XY005", "m.py", []byte(`print("x")  `)) // re-indented and moved: same text
	if a != b || !regexp.MustCompile(`^[0-9a-f]{16}:1$`).MatchString(a) {
		t.Errorf("fingerprints %q %q", a, b)
	}
	if second := f.hash("XY005", "m.py", []byte(`print("x")`)); second == a || !strings.HasSuffix(second, ":2") {
		t.Errorf("identical second line: %q", second)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "report.sarif")
	os.WriteFile(file, []byte("old report"), 0o644)
	failing := errors.New("disk full")
	err := WriteFileAtomic(file, func(w io.Writer) error {
		io.WriteString(w, "half a rep")
		return failing
	})
	if !errors.Is(err, failing) {
		t.Errorf("err = %v", err)
	}
	if got, _ := os.ReadFile(file); string(got) != "old report" {
		t.Errorf("a failed write damaged the old report: %q", got)
	}
	if err := WriteFileAtomic(file, func(w io.Writer) error { _, err := io.WriteString(w, "new report"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(file); string(got) != "new report" {
		t.Errorf("report = %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// The diagnostics encoded in parallel give the bytes one encoder gives.
func TestJSONEncodedInParallel(t *testing.T) {
	rep := jsonReport{Version: JSONVersion, Tool: jsonTool{Name: "xylint", Version: "v1\n<&>"},
		Errors: []jsonProblem{{Path: "a.py", Message: "x"}}, Skipped: []jsonProblem{},
		Summary: jsonSummary{Files: 3, ByRule: map[string]int{"XY005": 2, "XY004": 1}}}
	for i := range 200 {
		d := jsonDiagnostic{Code: "XY005", Name: "print-call", Path: fmt.Sprintf("svc/m%d.py", i), Language: "python",
			Severity: "warning", Message: "`print` <call> & \"é\"\n\t\u2028", Kind: "per-request"}
		if i%2 == 0 { // no character to escape; no kind
			d.Message, d.Kind = "`print` call; use the module logger", ""
			d.Range = lint.Range{Start: lint.Position{Offset: 12345, Line: 7, Column: 3}, End: lint.Position{Offset: 12350, Line: 8}}
		}
		if i%3 == 0 {
			d.Fix = &jsonFix{Message: "fix", Safety: "safe", Edits: []jsonEdit{{New: "logger.info"}, {New: "import logging\n",
				Range: lint.Range{Start: lint.Position{Offset: 1, Line: 2, Column: 3}, End: lint.Position{Offset: 4, Line: 5, Column: 6}}}}}
		}
		if i%5 == 0 {
			d.Fix = &jsonFix{Message: "none", Safety: "unsafe", Edits: []jsonEdit{}}
		}
		rep.Diagnostics = append(rep.Diagnostics, d)
	}
	for _, n := range []int{0, 4, 13, 64, 65, 200} { // chunks of 64
		r := rep
		r.Diagnostics = rep.Diagnostics[:n]
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(&r); err != nil {
			t.Fatal(err)
		}
		for _, jobs := range []int{1, 2, 3} {
			var got bytes.Buffer
			if err := encodeJSON(&got, &r, jobs); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%d diagnostics, %d jobs:\n%s\nwant:\n%s", n, jobs, got.String(), want.String())
			}
		}
	}
}

// Every rule's documentation link leads to a doc.go in this repository.
func TestRuleDocURLsExist(t *testing.T) {
	for _, r := range toolset.Default().Registry.Rules {
		u := RuleDocURL(r)
		if u == "" {
			if r != lint.SyntaxError {
				t.Errorf("%s has no documentation link", r.Code)
			}
			continue
		}
		if u == infoURI+"#suppressions" {
			continue // README.md's "## Suppressions"
		}
		rel := strings.TrimPrefix(u, infoURI+"/blob/main/")
		if _, err := os.Stat(filepath.Join("..", "..", filepath.FromSlash(rel))); err != nil {
			t.Errorf("%s: %s: %v", r.Code, u, err)
		}
	}
}
