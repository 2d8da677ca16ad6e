package suppress

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/internal/lint"
)

func lookup(s string) *lint.Rule {
	for _, r := range []*lint.Rule{Unused, Malformed} {
		if r.MatchesSuppression(s) {
			return r
		}
	}
	return analyzers.Lookup(s)
}

// file builds a FileResult from source lines: a line's comment starts at
// its first "#" (Python) or "//" (Go); diagnostics are given as rule@line
// or rule@start-end.
func file(lang lint.Language, src string, diags ...string) *lint.FileResult {
	res := &lint.FileResult{Path: "f", Language: lang, Src: []byte(src)}
	marker := "#"
	if lang == lint.Go {
		marker = "//"
	}
	for i, line := range strings.Split(src, "\n") {
		if j := strings.Index(line, marker); j >= 0 {
			res.Comments = append(res.Comments, lint.Comment{Line: i + 1, Text: line[j:], Own: strings.TrimSpace(line[:j]) == ""})
		}
	}
	for _, d := range diags {
		var code string
		var start, end int
		if n, _ := fmt.Sscanf(strings.Replace(d, "@", " ", 1)+"", "%s %d-%d", &code, &start, &end); n < 3 {
			end = start
		}
		rule := lookup(code)
		res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Rule: rule, Path: "f", Message: d,
			Range: lint.Range{Start: lint.Position{Line: start, Column: 1}, End: lint.Position{Line: end, Column: 1}}})
	}
	return res
}

func kept(ds []lint.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		if d.Rule == Unused || d.Rule == Malformed {
			out = append(out, fmt.Sprintf("%s@%d:%d %s", d.Rule.Code, d.Range.Start.Line, d.Range.Start.Column, d.Message))
		} else {
			out = append(out, d.Message)
		}
	}
	return out
}

func all(*lint.Rule) bool { return true }

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		lang  lint.Language
		src   string
		diags []string
		want  []string
	}{
		{"blanket noqa", lint.Python, "print(x)  # noqa\nprint(y)", []string{"XY005@1", "XY005@2"}, []string{"XY005@2"}},
		{"code", lint.Python, "print(x)  # noqa: XY005", []string{"XY005@1", "XY004@1"}, []string{"XY004@1"}},
		{"name, no space, case", lint.Python, "print(x)  #NOQA:print-call", []string{"XY005@1"}, nil},
		{"ruff aliases", lint.Python, "print(x)  # noqa: T201\nexcept:  # noqa: E722\nexcept Exception:  # noqa: BLE001", []string{"XY005@1", "XY004@2", "XY004@3"}, nil},
		{"several codes, explanation", lint.Python, "x  # noqa: E501, XY004 XY005 because the CLI prints", []string{"XY005@1", "XY004@1"}, nil},
		{"other tool's code only", lint.Python, "print(x)  # noqa: E501", []string{"XY005@1"}, []string{"XY005@1"}},
		{"noqa inside another comment", lint.Python, "print(x)  # debug helper # noqa: XY005", []string{"XY005@1"}, nil},
		{"not a directive", lint.Python, "print(x)  # noqanything", []string{"XY005@1"}, []string{"XY005@1"}},
		{"own-line noqa covers only its line", lint.Python, "# noqa\nprint(x)", []string{"XY005@2"}, []string{"XY005@2"}},
		{"end line of a multi-line finding", lint.Python, "print(\n  x,\n)  # noqa: XY005", []string{"XY005@1-3"}, nil},
		{"file level", lint.Python, "# xylint: noqa: XY005\nprint(x)\nprint(y)", []string{"XY005@2", "XY005@3", "XY004@3"}, []string{"XY004@3"}},
		{"file level blanket", lint.Python, "import os\n# xylint: noqa\nprint(x)", []string{"XY005@3", "XY004@1"}, nil},
		{"file level after code is malformed", lint.Python, "print(x)  # xylint: noqa: XY005", []string{"XY005@1"},
			[]string{"XY005@1", "XY101@1:11 malformed suppression: a file-level `# xylint: noqa` must be on its own line"}},
		{"file level unknown rule", lint.Python, "# xylint: noqa: XY999\nprint(x)", []string{"XY005@2"},
			[]string{"XY005@2", `XY101@1:1 malformed suppression: unknown rule "XY999"`}},
		{"noqa with no code is not ours", lint.Python, "print(x)  # noqa: 501", []string{"XY005@1"}, []string{"XY005@1"}},

		{"nolint blanket", lint.Go, "fmt.Println(x) //nolint", []string{"XY005@1"}, nil},
		{"nolint:xylint", lint.Go, "fmt.Println(x) //nolint:errcheck,xylint // debugging aid", []string{"XY005@1", "XY004@1"}, nil},
		{"nolint code and name", lint.Go, "a //nolint:XY005\nb //nolint:broad-except", []string{"XY005@1", "XY004@1", "XY004@2"}, []string{"XY004@1"}},
		{"nolint other linter", lint.Go, "a //nolint:errcheck", []string{"XY004@1"}, []string{"XY004@1"}},
		{"nolint with space is not a directive", lint.Go, "a // nolint:XY004", []string{"XY004@1"}, []string{"XY004@1"}},
		{"own-line directive covers the next line", lint.Go, "//nolint:XY005\nfmt.Println(x)\nfmt.Println(y)", []string{"XY005@2", "XY005@3"}, []string{"XY005@3"}},
		{"xylint:ignore with reason", lint.Go, "//xylint:ignore XY004,XY005 recovered by the caller\n_ = f()", []string{"XY004@2", "XY005@2"}, nil},
		{"xylint:ignore without reason", lint.Go, "//xylint:ignore XY004\n_ = f()", []string{"XY004@2"},
			[]string{"XY004@2", "XY101@1:1 malformed suppression: //xylint:ignore needs a reason after the codes"}},
		{"xylint:ignore unknown rule", lint.Go, "x //xylint:ignore XY042 why", []string{"XY004@1"},
			[]string{"XY004@1", `XY101@1:3 malformed suppression: unknown rule "XY042"`}},
		{"xylint:file-ignore", lint.Go, "package p\n//xylint:file-ignore XY005 a CLI\nfunc f() {}\nfmt.Println()", []string{"XY005@4", "XY004@4"}, []string{"XY004@4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kept(Apply(file(tt.lang, tt.src, tt.diags...), Options{Lookup: lookup, Enabled: func(r *lint.Rule) bool { return r != Unused }}))
			if !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestUnusedSuppressions(t *testing.T) {
	src := "print(x)  # noqa: XY005, XY004, E501\nfoo()  # noqa\nbar()  # noqa: XY001\n# xylint: noqa: XY005\n"
	res := file(lint.Python, src, "XY005@1")
	enabled := func(r *lint.Rule) bool { return r != analyzers.Lookup("XY001") } // XY001 did not run
	got := kept(Apply(res, Options{Lookup: lookup, Enabled: enabled}))
	want := []string{
		// XY005 on line 1 is suppressed by both directives; the file-level one counts as used.
		"XY100@1:11 unused suppression: XY004 reported nothing here",
		// blanket noqa and other tools' codes are not ours to judge; XY001 did not run.
	}
	if !slices.Equal(got, want) {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	// Off unless enabled.
	res = file(lint.Python, src, "XY005@1")
	if got := kept(Apply(res, Options{Lookup: lookup, Enabled: func(r *lint.Rule) bool { return r != Unused }})); len(got) != 0 {
		t.Errorf("unused reported while disabled: %q", got)
	}
}

func TestApplyKeepsDiagnosticsWithoutComments(t *testing.T) {
	res := file(lint.Python, "print(x)", "XY005@1")
	if got := Apply(res, Options{Lookup: lookup, Enabled: all}); len(got) != 1 {
		t.Errorf("got %v", got)
	}
}

func TestContainsNoqaAgreesWithThePatterns(t *testing.T) {
	for _, s := range []string{"# noqa", "# NOQA: XY005", "#NoQa", "# xylint: noqa", "# no qa", "# nqoa", "# noq", "", "# nöqa", "# NOQA"[:5]} {
		want := noqaRe.MatchString(s) || fileNoqaRe.MatchString(s)
		if got := containsNoqa(s); got != want {
			t.Errorf("containsNoqa(%q) = %v, the patterns say %v", s, got, want)
		}
	}
}
