package walk

import (
	"slices"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// `xylint check ./...` and `svc/...`, as Go users type them, walk the
// directory.
func TestGoPackagePatterns(t *testing.T) {
	t.Chdir(filetree.Temp(t, map[string]string{"a.go": "", "svc/b.go": "", "svc/c/d.go": ""}))
	for arg, want := range map[string][]string{
		"./...":   {"a.go", "svc/b.go", "svc/c/d.go"},
		"...":     {"a.go", "svc/b.go", "svc/c/d.go"},
		"svc/...": {"svc/b.go", "svc/c/d.go"},
	} {
		files, errs, _ := Walk([]string{arg}, Options{Extensions: []string{".go"}})
		var got []string
		for _, f := range files {
			got = append(got, f.Path)
		}
		if len(errs) > 0 || !slices.Equal(got, want) {
			t.Errorf("%s: %v %v, want %v", arg, got, errs, want)
		}
	}
	if _, errs, _ := Walk([]string{"nothere/..."}, Options{Extensions: []string{".go"}}); len(errs) != 1 || errs[0].Path != "nothere" {
		t.Errorf("a missing directory: %v", errs)
	}
}
