package goedit

import (
	"strings"
	"testing"
)

// gofmt moves a //go:build or // +build line from anywhere in a file to its
// top, where it excludes the file from the build: a fix that changed
// nothing else made `go build` fail. Format leaves such an inert line where
// it is, and Constraints (the engine's invariant for Go) sees what counts.
func TestFormatKeepsBuildConstraints(t *testing.T) {
	for _, src := range []string{
		"package svc\n\nimport \"fmt\"\n\nfunc F() {\n\tfmt.Println(\"x\")\n}\n\n// +build ignore\n",
		"package svc\n\nfunc F() {\n\t//go:build ignore\n\tx :=  1\n\t_ = x\n}\n",
		"// Package svc.\npackage svc\n\n// +build linux\nvar X  = 1\n",
	} {
		out, err := Format([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if Constraints(out) != Constraints([]byte(src)) || Constraints(out) != "" {
			t.Errorf("Format changed the build constraints of\n%s\ninto\n%s", src, out)
		}
		if !strings.Contains(string(out), "build ") || strings.Contains(string(out), "xylint") {
			t.Errorf("the inert line is gone or mangled:\n%s", out)
		}
	}
	// Real constraints stay, and are what Constraints reports.
	src := "//go:build linux && amd64\n\n// Package svc.\npackage svc\n\nvar  X = 1\n"
	out, err := Format([]byte(src))
	if err != nil || Constraints(out) != "//go:build linux && amd64" || !strings.HasPrefix(string(out), "//go:build linux && amd64\n") {
		t.Errorf("Format(%q) = %q, %v; constraints %q", src, out, err, Constraints(out))
	}
	if got := Constraints([]byte("// +build ignore\n\npackage main\n")); got != "// +build ignore" {
		t.Errorf("Constraints of a +build header: %q", got)
	}
}
