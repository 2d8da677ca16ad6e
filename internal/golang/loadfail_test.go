package golang_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/internal/golang"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// A package whose imports cannot be resolved is one error with the go
// command's message, not XY000 "could not import … (invalid package name)";
// the module's other packages are analysed.
func TestPackageThatCannotBeLoaded(t *testing.T) {
	t.Setenv("GOFLAGS", "-mod=readonly")
	t.Setenv("GOPROXY", "off")
	dir := filetree.Temp(t, map[string]string{
		"go.mod":   "module example.com/lf\n\ngo 1.26\n\nrequire github.com/google/uuid v1.6.0\n",
		"a/a.go":   "package a\n\nimport \"github.com/google/uuid\"\n\nfunc F() string { return uuid.NewString() }\n",
		"a/a2.go":  "package a\n\nfunc G() {}\n",
		"b/b.go":   "package b\n\nimport \"fmt\"\n\nfunc G() { fmt.Println(\"x\") }\n",
		"bad/x.go": "package bad\n\nfunc F() int { return undefinedThing }\n",
	})
	prog, res, err := golang.Load(context.Background(), dir, []string{"./..."}, analyzers.Go, nil)
	if err != nil {
		t.Fatal(err)
	}
	errs, diags := outcome(res)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "a/a.go: Go package example.com/lf/a could not be loaded, none of its 2 files was checked: missing go.sum entry for module providing package github.com/google/uuid") {
		t.Errorf("errors: %q", errs)
	}
	want := []string{
		"b/b.go:5:12: XY005 [print-call] fmt.Println writes to stdout instead of the log; use log/slog",
		"bad/x.go:3:23: XY000 [syntax-error] Go package example.com/lf/bad does not build: undefined: undefinedThing",
	}
	if strings.Join(diags, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
	if !prog.Unloaded(filepath.Join(dir, "a", "a2.go")) || prog.Unloaded(filepath.Join(dir, "b", "b.go")) {
		t.Error("Unloaded does not name the files of the package that failed")
	}
}

// A package whose own code is fine but whose dependency does not build (a
// module that does not compile at the versions selected, a go.sum entry
// missing deep in its requirements) is one error with the go command's
// words — not XY000 "could not run" once per analyzer at its first line.
func TestDependencyThatDoesNotBuild(t *testing.T) {
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	dir := filetree.Temp(t, map[string]string{
		"go.mod":                     "module example.com/app\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./third_party/dep\n",
		"main.go":                    "package main\n\nimport \"example.com/dep/lib\"\n\nfunc main() { _ = lib.F() }\n",
		"ok/ok.go":                   "package ok\n\nimport \"fmt\"\n\nfunc G() { fmt.Println(\"x\") }\n",
		"third_party/dep/go.mod":     "module example.com/dep\n\ngo 1.26\n",
		"third_party/dep/lib/lib.go": "package lib\n\nfunc F() error { return notDefined }\n",
	})
	_, res, err := golang.Load(context.Background(), dir, []string{".", "./ok"}, analyzers.Go, nil)
	if err != nil {
		t.Fatal(err)
	}
	errs, diags := outcome(res)
	want := "main.go: Go package example.com/app could not be loaded, its file was not checked: dependency example.com/dep/lib does not build: "
	if len(errs) != 1 || !strings.HasPrefix(errs[0], want) || !strings.Contains(errs[0], "undefined: notDefined") {
		t.Errorf("errors: %q\nwant one starting %q", errs, want)
	}
	if len(diags) != 1 || !strings.HasPrefix(diags[0], "ok/ok.go:5:12: XY005") {
		t.Errorf("diagnostics: %q, want only the other package's XY005", diags)
	}
}

// outcome is what a load reported: the errors ("path: message") and the
// diagnostics, as strings.
func outcome(res []*lint.FileResult) (errs, diags []string) {
	for _, r := range res {
		if r.Err != nil {
			errs = append(errs, r.Path+": "+r.Err.Error())
		}
		for _, d := range r.Diagnostics {
			diags = append(diags, d.String())
		}
	}
	return errs, diags
}
