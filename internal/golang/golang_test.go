package golang_test

import (
	"context"
	"go/format"
	"sort"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/golang"
	"github.com/xynergy/xylint/internal/lint"
)

func TestCheck(t *testing.T) {
	res, err := golang.Check(context.Background(), "testdata/mod", []string{"./..."}, analyzers.Rules, nil)
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
		"main.go:10:2: XY002 [unauthenticated-route] POST /orders is reachable without authentication; wrap its handler in an auth middleware or Use(...) one on its router [error]",
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
	res, err := golang.Check(context.Background(), "testdata/mod", []string{"."}, []*lint.Rule{unauthenticatedroute.Rule},
		func(r *lint.Rule) any {
			if r == unauthenticatedroute.Rule {
				return opts
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
