package golang_test

import (
	"context"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/golang"
	"github.com/xynergy/xylint/internal/lint"
)

func TestCheck(t *testing.T) {
	res, err := golang.Check(context.Background(), "testdata/mod", []string{"./..."}, analyzers.Go, nil)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*lint.FileResult{}
	for _, fr := range res {
		byPath[fr.Path] = fr
		if fr.Language != lint.Go {
			t.Errorf("%s: language %q", fr.Path, fr.Language)
		}
	}
	var got []string
	for _, fr := range res {
		for _, d := range fr.Diagnostics {
			got = append(got, d.String()+" ["+d.Severity.String()+"]")
		}
	}
	sort.Strings(got)
	want := []string{
		"broken/broken.go:3:23: XY000 [syntax-error] Go package example.com/mod/broken does not build: cannot use \"not an int\" (untyped string constant) as int value in return statement [error]",
		"main.go:10:2: XY002 [unauthenticated-route] POST /orders is reachable without authentication; wrap its handler in an auth middleware or Use(...) one on its router; an error because POST changes state [error]",
		"main.go:11:2: XY006 [missing-shutdown] main serves HTTP without graceful shutdown: no SIGTERM handling (signal.NotifyContext) and no (*http.Server).Shutdown; Cloud Run's SIGTERM cuts in-flight requests [warning]",
		"svc/svc.go:11:2: XY001 [wildcard-cors] Access-Control-Allow-Origin: * lets every web origin call the service [warning]",
		"svc/svc.go:12:12: XY005 [print-call] fmt.Println writes to stdout instead of the log; use log/slog [warning]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Columns count code points: "é" is two bytes.
	svc := byPath["svc/svc.go"]
	print := svc.Diagnostics[len(svc.Diagnostics)-1]
	if print.Range.Start.Column != 12 || string(svc.Src[print.Range.Start.Offset:print.Range.End.Offset]) != "fmt.Println(s)" {
		t.Errorf("print range %+v", print.Range)
	}

	// Comments are there for the driver's suppressions.
	var comments []string
	for _, c := range byPath["main.go"].Comments {
		comments = append(comments, c.Text)
		if c.Own {
			t.Errorf("trailing comment marked own-line: %+v", c)
		}
	}
	if len(comments) != 1 || comments[0] != "//nolint:XY002 // internal only" || byPath["main.go"].Comments[0].Line != 10 {
		t.Errorf("comments %v", byPath["main.go"].Comments)
	}

	// The fixes are byte-offset edits that give compilable, gofmt'd code.
	main := byPath["main.go"]
	var fix *lint.Fix
	for _, d := range main.Diagnostics {
		if d.Rule.Code == "XY006" {
			fix = d.Fix
		}
	}
	if fix == nil || fix.Safety != lint.Safe {
		t.Fatalf("XY006 fix: %+v", fix)
	}
	out := apply(main.Src, fix.Edits)
	formatted, err := format.Source(out)
	if err != nil {
		t.Fatalf("fixed main.go does not parse: %v\n%s", err, out)
	}
	if string(formatted) != string(out) {
		t.Errorf("fixed main.go is not gofmt'd:\n%s", out)
	}
}

func TestCheckOptionsAndSelection(t *testing.T) {
	opts := unauthenticatedroute.NewOptions()
	opts.PublicPaths = []string{"/orders"}
	compiled, err := unauthenticatedroute.OptionsSpec.Compile(opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := golang.Check(context.Background(), "testdata/mod", []string{"."}, []goanalysis.Rule{unauthenticatedroute.Go},
		func(r *lint.Rule) any {
			if r == unauthenticatedroute.Rule {
				return compiled
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range res {
		if len(fr.Diagnostics) > 0 {
			t.Errorf("%s: %v", fr.Path, fr.Diagnostics)
		}
	}
	if len(res) != 1 || res[0].Path != "main.go" {
		t.Errorf("pattern . should give main.go only: %v", res)
	}
}

func apply(src []byte, edits []lint.Edit) []byte {
	out := []byte{}
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...)
}

// Facts flow between the loaded packages: a main package whose server
// package shuts down is clean, one whose server package only serves is not.
func TestCheckFactsAcrossPackages(t *testing.T) {
	res, err := golang.Check(context.Background(), "testdata/facts", []string{"./..."}, analyzers.Go, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fr := range res {
		for _, d := range fr.Diagnostics {
			if d.Rule.Code == "XY006" || d.Rule.Code == "XY000" {
				got = append(got, fmt.Sprintf("%s:%d %s", d.Path, d.Range.Start.Line, d.Rule.Code))
			}
		}
	}
	if want := []string{"cmd/bad/main.go:10 XY006"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAnalyzeSource(t *testing.T) {
	prog, res, err := golang.Load(context.Background(), "testdata/mod", []string{"./..."}, analyzers.Go, nil)
	if err != nil {
		t.Fatal(err)
	}
	abs := func(rel string) string {
		a, err := filepath.Abs(filepath.Join("testdata/mod", rel))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	svc, err := os.ReadFile("testdata/mod/svc/svc.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := func(fr *lint.FileResult) string {
		var out []string
		for _, d := range fr.Diagnostics {
			out = append(out, fmt.Sprintf("%d:%s", d.Range.Start.Line, d.Rule.Code))
		}
		return strings.Join(out, " ")
	}
	replace := func(old, new string) []byte {
		t.Helper()
		if !strings.Contains(string(svc), old) {
			t.Fatalf("svc.go has no %q", old)
		}
		return []byte(strings.Replace(string(svc), old, new, 1))
	}
	for _, tc := range []struct {
		name   string
		src    []byte
		want   string // line:code of the diagnostics
		errors int    // SyntaxErrors
	}{
		{"as on disk", svc, "11:XY001 12:XY005", 0},
		{"wildcard gone", replace(`"*"`, `"https://example.com"`), "12:XY005", 0},
		// A package with type errors is not analysed: its errors are
		// reported, and counted as syntax errors (a fix must not break
		// the build).
		{"type errors", replace("\"fmt\"\n", "\"log/slog\"\n"), "6:XY000 12:XY000", 2},
		// log/slog is imported by no package of the load: its export data
		// is loaded for the round.
		{"new import", replace("\"fmt\"\n", "\"log/slog\"\n") /* and the call, below */, "", -1},
		{"syntax error", replace("func Orders(", "func Orders(("), "10:XY000", 1},
		{"unused import", replace("\"fmt\"\n", "\"fmt\"\n\t\"os\"\n"), "7:XY000", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src
			if tc.errors < 0 {
				src = []byte(strings.Replace(string(src), "fmt.Println(s)", "slog.Info(s)", 1))
				tc.want, tc.errors = "11:XY001", 0
			}
			fr, err := prog.AnalyzeSource(abs("svc/svc.go"), src)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(fr); got != tc.want || !fr.Parsed || fr.SyntaxErrors != tc.errors {
				t.Errorf("got %q parsed %v errors %d, want %q, %d errors\n%v", got, fr.Parsed, fr.SyntaxErrors, tc.want, tc.errors, fr.Diagnostics)
			}
			if fr.Path != "svc/svc.go" || string(fr.Src) != string(src) {
				t.Errorf("path %q, src as given: %v", fr.Path, string(fr.Src) == string(src))
			}
		})
	}

	// The XY006 fix, applied and re-analysed: the new imports (os/signal,
	// syscall, ...) resolve, the finding is gone, the suppression comment
	// is still seen.
	var main *lint.FileResult
	for _, fr := range res {
		if fr.Path == "main.go" {
			main = fr
		}
	}
	var fixed []byte
	for _, d := range main.Diagnostics {
		if d.Rule.Code == "XY006" {
			fixed = apply(main.Src, d.Fix.Edits)
		}
	}
	fr, err := prog.AnalyzeSource(abs("main.go"), fixed)
	if err != nil {
		t.Fatal(err)
	}
	if got := codes(fr); got != "17:XY002" || fr.SyntaxErrors != 0 || !strings.HasPrefix(fr.Comments[0].Text, "//nolint:XY002") {
		t.Errorf("after the XY006 fix: %q, %d errors, comments %v", got, fr.SyntaxErrors, fr.Comments)
	}

	if _, err := prog.AnalyzeSource(abs("broken/broken.go"), []byte("package broken\n")); err == nil {
		t.Error("a file of a package that did not build was re-analysed")
	}

	// Rounds of several files run in parallel (xylint fix -j).
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fr, err := prog.AnalyzeSource(abs("svc/svc.go"), replace("\"fmt\"\n", "\"fmt\"\n\t\"log/slog\"\n\t\"net/url\"\n"))
			if err != nil || fr.SyntaxErrors != 2 {
				t.Errorf("parallel: %v %v", err, fr)
			}
		}()
	}
	wg.Wait()
}

// A package that builds but imports one of the module's that does not is
// left unanalysed (go/analysis skips ill-typed packages): the broken one is
// reported (XY000), the one importing it gets one notice naming it — not an
// XY000 per rule at its first line, never the names of the helper analyzers
// the rules require (the request scope, the inspector).
func TestIllTypedPackage(t *testing.T) {
	res, err := golang.Check(context.Background(), "testdata/illtyped", []string{"./..."}, analyzers.Go, nil)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, fr := range res {
		for _, d := range fr.Diagnostics {
			msgs = append(msgs, d.Path+": "+d.Rule.Code+" "+d.Message)
		}
		if fr.Skipped != "" || fr.Err != nil {
			msgs = append(msgs, fmt.Sprintf("%s: skipped %q, err %v", fr.Path, fr.Skipped, fr.Err))
		}
	}
	joined := strings.Join(msgs, "\n")
	want := []string{
		`bad/bad.go: XY000 Go package example.com/illtyped/bad does not build: cannot use "not an int" (untyped string constant) as int value in return statement`,
		`uses/uses.go: skipped "its Go package example.com/illtyped/uses was not checked: it imports example.com/illtyped/bad, which does not build (see its XY000)", err <nil>`,
	}
	if joined != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", joined, strings.Join(want, "\n"))
	}
	if strings.Contains(joined, "requestscope") || strings.Contains(joined, "prerequisites") {
		t.Errorf("a helper analyzer's name shows:\n%s", joined)
	}
}
