package driver

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/config"
)

// A run that analysed no file is an error (exit 2) that says why, never a
// clean run.
func TestARunThatAnalysedNothingIsAnError(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		ov    config.Overrides
		paths []string
		want  string
	}{
		{"empty", map[string]string{"README.md": "x\n"}, config.Overrides{}, nil, "no .py, .go files under the given paths"},
		{"all excluded", map[string]string{"svc/a.py": "BAD\n"}, config.Overrides{Exclude: []string{"svc"}}, nil, "everything under the given paths is excluded"},
		{"all skipped", map[string]string{"notes.txt": "BAD\n"}, config.Overrides{}, []string{"notes.txt"}, "the one file found was skipped or could not be read (see the notices)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setup(t, tc.files)
			res, _, _ := check(t, tc.ov, tc.paths...)
			if res.Analysed() != 0 || res.ExitCode() != 2 || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, tc.want) {
				t.Errorf("analysed %d, exit %d, errors %v; want one error saying %q", res.Analysed(), res.ExitCode(), res.Errors, tc.want)
			}
		})
	}
	setup(t, map[string]string{"a.py": "ok\n"})
	if res, _, _ := check(t, config.Overrides{}); res.Analysed() != 1 || res.ExitCode() != 0 || len(res.Errors) != 0 {
		t.Errorf("a clean file: analysed %d, exit %d, errors %v", res.Analysed(), res.ExitCode(), res.Errors)
	}
}
