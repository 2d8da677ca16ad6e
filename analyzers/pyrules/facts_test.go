package pyrules_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// projects are the trees the project phases are tested on: the sample
// platform, and every rule's Python test data (each subfolder a project).
func projects(t *testing.T) []string {
	t.Helper()
	out := []string{filepath.Join("..", "..", "testdata", "platform")}
	dirs, _ := filepath.Glob(filepath.Join("..", "*", "testdata", "python*"))
	for _, d := range dirs {
		out = append(out, d)
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.IsDir() {
				out = append(out, filepath.Join(d, e.Name()))
			}
		}
	}
	return out
}

// TestFactsRoundTrip: every rule's facts encode and decode
// (pyanalysis.EncodeFacts), and the project phases find the same — the
// same diagnostics, messages, fixes — from decoded facts as from the
// facts the file passes exported: what a store of facts needs.
func TestFactsRoundTrip(t *testing.T) {
	encodedFacts, reported := 0, 0
	for _, root := range projects(t) {
		var paths []string
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
				rel, _ := filepath.Rel(root, p)
				paths = append(paths, filepath.ToSlash(rel))
			}
			return nil
		})
		mods := modules.New(paths)
		var facts, decoded []*pyanalysis.FileFacts
		for _, rel := range paths {
			src, err := os.ReadFile(filepath.Join(root, rel))
			if err != nil {
				t.Fatal(err)
			}
			_, ff := pyanalysis.Analyze(rel, src, pyanalysis.Config{Analyzers: pyrules.All, Module: mods.Module(rel)})
			if ff == nil {
				continue
			}
			b, err := pyanalysis.EncodeFacts(ff)
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			back, err := pyanalysis.DecodeFacts(b, pyrules.All)
			if err != nil {
				t.Fatalf("%s: %v", rel, err)
			}
			if back.Path != ff.Path || back.Module != ff.Module || len(back.Facts) != len(ff.Facts) {
				t.Errorf("%s: decoded %s (%s), %d analyzers' facts; want %s (%s), %d", rel, back.Path, back.Module, len(back.Facts), ff.Path, ff.Module, len(ff.Facts))
			}
			facts, decoded = append(facts, ff), append(decoded, back)
			encodedFacts++
		}
		cfg := pyanalysis.ProjectConfig{Analyzers: pyrules.All, Modules: mods}
		want, err := pyanalysis.RunProject(facts, cfg)
		if err != nil {
			t.Fatal(err)
		}
		got, err := pyanalysis.RunProject(decoded, cfg)
		if err != nil {
			t.Fatal(err)
		}
		reported += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the project phase finds %d from decoded facts, %d from the file passes':\n%s", root, len(got), len(want), firstDifference(got, want))
		}
	}
	if encodedFacts < 50 || reported < 50 {
		t.Errorf("only %d files exported facts and %d project findings: the test data was not found", encodedFacts, reported)
	}
	t.Logf("%d files' facts, %d project findings", encodedFacts, reported)
}

func firstDifference(got, want []lint.Diagnostic) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return "got  " + got[i].String() + "\nwant " + want[i].String()
		}
	}
	return "(one is a prefix of the other)"
}
