package config

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/ruleopts"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

type printOptions struct {
	ExcludePaths []string `toml:"exclude-paths"`
	AllowMain    bool     `toml:"allow-main"`
}

// printSpec declares printOptions: compiling checks them and returns them
// as they are.
var printSpec = ruleopts.NewSpec(func() *printOptions { return &printOptions{ExcludePaths: []string{"tests/"}, AllowMain: true} },
	func(o *printOptions) (*printOptions, error) { return o, o.check() })

func (o *printOptions) check() error {
	for _, p := range o.ExcludePaths {
		if p == "" {
			return errors.New("exclude-paths: empty path")
		}
	}
	return nil
}

var (
	ruleA    = &lint.Rule{Code: "XY004", Name: "broad-except"}
	ruleB    = &lint.Rule{Code: "XY005", Name: "print-call", Options: printSpec}
	ruleC    = &lint.Rule{Code: "XY001", Name: "wildcard-cors"}
	ruleOpt  = &lint.Rule{Code: "XY100", Name: "unused-suppression"}
	testRegs = &Registry{Rules: []*lint.Rule{ruleC, ruleA, ruleB, ruleOpt}, OptIn: []*lint.Rule{ruleOpt}}
)

func loader(t *testing.T, root string, ov Overrides) *Loader {
	t.Helper()
	ov.Cwd = root
	l, err := NewLoader(testRegs, ov)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func codes(rules []*lint.Rule) []string {
	var out []string
	for _, r := range rules {
		out = append(out, r.Code)
	}
	return out
}

func TestPyprojectSettingsAndRuleOptions(t *testing.T) {
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{"pyproject.toml": `
[project]
name = "svc"

[tool.ruff]
line-length = 100

[tool.xylint]
ignore = ["XY004"]
extend-exclude = ["generated/"]

[tool.xylint.per-file-ignores]
"scripts/*.py" = ["print-call"]

[tool.xylint.print-call]
allow-main = false
`})
	l := loader(t, root, Overrides{})
	s, err := l.ForDir(filepath.Join(root, "a", "b")) // walks up
	if err != nil {
		t.Fatal(err)
	}
	if s.File != filepath.Join(root, "pyproject.toml") {
		t.Fatalf("File = %q", s.File)
	}
	o := printSpec.Of(s.Options(ruleB)).Value
	if o.AllowMain || !slices.Equal(o.ExcludePaths, []string{"tests/"}) {
		t.Errorf("options = %+v; want allow-main false and the default exclude-paths kept", o)
	}
	if got := codes(s.ForFile(filepath.Join(root, "svc", "main.py")).Rules); !slices.Equal(got, []string{"XY001", "XY005"}) {
		t.Errorf("enabled = %v", got)
	}
	if got := codes(s.ForFile(filepath.Join(root, "scripts", "tool.py")).Rules); !slices.Equal(got, []string{"XY001"}) {
		t.Errorf("per-file-ignores: enabled = %v", got)
	}
	if !s.Excluded(filepath.Join(root, "x", "generated"), true) || !s.Excluded(filepath.Join(root, "node_modules"), true) {
		t.Error("extend-exclude or default exclude not applied")
	}
	if s.Excluded(filepath.Join(root, "x", "generated"), false) {
		t.Error("generated/ must match directories only")
	}
}

func TestConfigErrorsNameFileLineAndKey(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"unknown key", "pyproject.toml", "[tool.other]\nx = 1\n[tool.xylint]\nselect = [\"XY\"]\nbogus = 1\n",
			"pyproject.toml:5:1: tool.xylint.bogus: unknown key"},
		{"unknown option", "xylint.toml", "[print-call]\nallow-mian = true\n",
			"xylint.toml:2:1: print-call.allow-mian: unknown option for rule XY005 [print-call]"},
		{"unknown rule table", "xylint.toml", "[prnt-call]\nx = 1\n",
			"xylint.toml:1:2: prnt-call: unknown key"},
		{"rule without options", "xylint.toml", "[broad-except]\nx = 1\n",
			"xylint.toml:2:1: broad-except.x: rule XY004 [broad-except] has no options"},
		{"bad value", "xylint.toml", "[print-call]\nallow-main = \"yes\"\n",
			"xylint.toml:2:14: print-call.allow-main: expected boolean, found a TOML string"},
		{"bad list", "xylint.toml", "select = \"XY005\"\n",
			"xylint.toml:1:10: select: expected an array of strings, found a TOML string"},
		{"unknown selector", "xylint.toml", "select = [\n  \"XY005\",\n  \"XY9\",\n]\n",
			`xylint.toml:3:3: select: "XY9" matches no rule`},
		{"unknown selector in per-file-ignores", ".xylint.toml", "[per-file-ignores]\n\"tests/*\" = [\"nope\"]\n",
			`.xylint.toml:2:14: per-file-ignores."tests/*": "nope" matches no rule`},
		{"inline per-file-ignores", "xylint.toml", "per-file-ignores = { \"a.py\" = [\"XY\"], \"b[.py\" = [\"XY\"] }\n",
			`xylint.toml:1:39: per-file-ignores."b[.py": "b[.py": syntax error in pattern`},
		{"option validation", "xylint.toml", "[print-call]\nexclude-paths = [\"\"]\n",
			"xylint.toml:1:2: print-call: exclude-paths: empty path"},
		{"bad fail-on", "xylint.toml", "select = [\"XY\"]\nfail-on = \"info\"\n",
			`xylint.toml:2:11: fail-on: "info" is not a level (want note, warning, error or never)`},
		{"unknown role", "xylint.toml", "[roles]\n\"ops/\" = \"tool\"\n",
			`xylint.toml:2:1: roles."ops/": "tool" is not a role (roles are library, service, cli, script, test, example)`},
		{"syntax error", "xylint.toml", "select = [\"XY\"\n",
			"xylint.toml:1:15: array is incomplete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			filetree.Write(t, root, map[string]string{tt.file: tt.src})
			_, err := loader(t, root, Overrides{}).ForDir(root)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n got %s\nwant %s...", err, tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.Line == 0 {
				t.Errorf("error %v carries no line", err)
			}
		})
	}
}

func TestNearestConfigWinsAndPreference(t *testing.T) {
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{
		"pyproject.toml":           "[tool.xylint]\nignore = [\"XY001\"]\n",
		"svc/pyproject.toml":       "[project]\nname = \"no xylint table here\"\n",
		"svc/inner/pyproject.toml": "[tool.xylint]\nselect = [\"XY004\"]\n",
		"svc/inner/xylint.toml":    "select = [\"XY005\"]\n", // preferred in the same directory
	})
	l := loader(t, root, Overrides{})
	for _, tt := range []struct {
		dir, file string
	}{
		{"svc", "pyproject.toml"},
		{"svc/inner/deeper", "svc/inner/xylint.toml"},
	} {
		s, err := l.ForDir(filepath.Join(root, tt.dir))
		if err != nil {
			t.Fatal(err)
		}
		if s.File != filepath.Join(root, tt.file) {
			t.Errorf("%s: config %s, want %s", tt.dir, s.File, tt.file)
		}
	}
}

func TestSelection(t *testing.T) {
	tests := []struct {
		name string
		cfg  string
		ov   Overrides
		want []string
	}{
		{"default is all but opt-in", "", Overrides{}, []string{"XY001", "XY004", "XY005"}},
		{"prefix select, exact ignore", "select = [\"XY00\"]\nignore = [\"XY005\"]\n", Overrides{}, []string{"XY001", "XY004"}},
		{"exact select beats prefix ignore", "select = [\"XY005\"]\nignore = [\"XY\"]\n", Overrides{}, []string{"XY005"}},
		{"opt-in by exact name", "extend-select = [\"unused-suppression\"]\n", Overrides{}, []string{"XY001", "XY004", "XY005", "XY100"}},
		{"ALL does not reach opt-in", "select = [\"ALL\", \"XY1\"]\n", Overrides{}, []string{"XY001", "XY004", "XY005"}},
		{"cli select replaces", "select = [\"XY005\"]\n", Overrides{Select: []string{"broad-except"}}, []string{"XY004"}},
		{"cli ignore wins", "select = [\"XY005\"]\n", Overrides{Ignore: []string{"XY"}}, nil},
		{"cli extend-select", "select = [\"XY005\"]\n", Overrides{ExtendSelect: []string{"XY100"}}, []string{"XY005", "XY100"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.cfg != "" {
				filetree.Write(t, root, map[string]string{"xylint.toml": tt.cfg})
			}
			s, err := loader(t, root, tt.ov).ForDir(root)
			if err != nil {
				t.Fatal(err)
			}
			if got := codes(s.enabled); !slices.Equal(got, tt.want) {
				t.Errorf("enabled %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBadOverridesAreUsageErrors(t *testing.T) {
	if _, err := NewLoader(testRegs, Overrides{Select: []string{"XY7"}, Cwd: "/"}); err == nil || !strings.Contains(err.Error(), "--select XY7") {
		t.Errorf("err = %v", err)
	}
	if _, err := NewLoader(testRegs, Overrides{Exclude: []string{"a["}, Cwd: "/"}); err == nil {
		t.Error("bad --exclude glob accepted")
	}
}

func TestEffectiveConfigRoundTrips(t *testing.T) {
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{"pyproject.toml": "[tool.xylint]\nignore = [\"XY004\"]\n[tool.xylint.per-file-ignores]\n\"tests/**\" = [\"XY005\"]\n[tool.xylint.print-call]\nallow-main = false\n"})
	l := loader(t, root, Overrides{})
	fc, err := l.ForFile(filepath.Join(root, "m.py"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := fc.TOML(func(s string) string { return s })
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# enabled rules: XY001 wildcard-cors, XY005 print-call", `ignore = ['XY004']`, `'tests/**' = ['XY005']`, "[print-call]", "allow-main = false", "exclude-paths = ['tests/']"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// What `xylint config` prints is a valid xylint.toml meaning the same.
	again := t.TempDir()
	filetree.Write(t, again, map[string]string{"xylint.toml": string(out)})
	fc2, err := loader(t, again, Overrides{}).ForFile(filepath.Join(again, "tests", "t.py"))
	if err != nil {
		t.Fatalf("printed config does not load: %v\n%s", err, out)
	}
	if got := codes(fc2.Rules); !slices.Equal(got, []string{"XY001"}) {
		t.Errorf("round trip enabled %v", got)
	}
}

// Listed spares the loader the files a directory listing shows absent, and
// only those.
func TestListedDirectoryWithoutConfigurationIsNotRead(t *testing.T) {
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{
		"a/xylint.toml": "ignore = [\"XY005\"]\n",
		"b/xylint.toml": "ignore = [\"XY005\"]\n",
	})
	l := loader(t, root, Overrides{})
	// A listing that shows no configuration file (here, wrongly): a is not read.
	l.Listed(filepath.Join(root, "a"), func(string) bool { return false })
	l.Listed(filepath.Join(root, "b"), func(name string) bool { return name == "xylint.toml" })
	for dir, want := range map[string]bool{"a": true, "b": false} {
		fc, err := l.ForFile(filepath.Join(root, dir, "m.py"))
		if err != nil {
			t.Fatal(err)
		}
		if got := fc.Enabled(ruleB); got != want {
			t.Errorf("%s: XY005 enabled %v, want %v", dir, got, want)
		}
	}
}

// A campaign table (for `xylint migrate`) is accepted and handed over
// as NewCampaigns decodes it, strictly: a misspelt campaign key is an error
// with its line, as a misspelt rule option is.
func TestCampaignTable(t *testing.T) {
	type campaign struct {
		Rules []string `toml:"rules"`
	}
	src := `
[tool.xylint]
select = ["ALL"]

[tool.xylint.campaign.clients]
rules = ["XY003"]
`
	t.Run("raw", func(t *testing.T) {
		root := t.TempDir()
		filetree.Write(t, root, map[string]string{"pyproject.toml": src})
		s, err := loader(t, root, Overrides{}).ForDir(root)
		if err != nil {
			t.Fatal(err)
		}
		raw, ok := s.Campaigns.(map[string]map[string]any)
		if !ok || raw["clients"] == nil {
			t.Fatalf("Campaigns = %#v", s.Campaigns)
		}
	})
	NewCampaigns = func() any { return &map[string]*campaign{} }
	defer func() { NewCampaigns = nil }()
	t.Run("typed", func(t *testing.T) {
		root := t.TempDir()
		filetree.Write(t, root, map[string]string{"pyproject.toml": src})
		s, err := loader(t, root, Overrides{}).ForDir(root)
		if err != nil {
			t.Fatal(err)
		}
		m := *s.Campaigns.(*map[string]*campaign)
		if got := m["clients"].Rules; !slices.Equal(got, []string{"XY003"}) {
			t.Fatalf("rules = %v", got)
		}
	})
	t.Run("typo", func(t *testing.T) {
		root := t.TempDir()
		filetree.Write(t, root, map[string]string{"pyproject.toml": src + "rulez = [\"XY005\"]\n"})
		_, err := loader(t, root, Overrides{}).ForDir(root)
		if err == nil || !strings.Contains(err.Error(), "pyproject.toml:7:1: tool.xylint.campaign.clients.rulez: unknown campaign setting") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("absent", func(t *testing.T) {
		root := t.TempDir()
		filetree.Write(t, root, map[string]string{"pyproject.toml": "[tool.xylint]\nselect = [\"ALL\"]\n"})
		s, err := loader(t, root, Overrides{}).ForDir(root)
		if err != nil || s.Campaigns != nil {
			t.Fatalf("Campaigns = %#v, err %v", s.Campaigns, err)
		}
	})
}

// fail-on is read per configuration file, as every setting is (the nearest
// file wins), and --fail-on replaces it everywhere.
func TestFailOnPerConfigurationAndOverride(t *testing.T) {
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{
		"pyproject.toml":       "[tool.xylint]\nfail-on = \"note\"\n",
		"strict/xylint.toml":   "fail-on = \"error\"\n",
		"default/.xylint.toml": "select = [\"ALL\"]\n",
		"default/m.py":         "",
		"strict/m.py":          "",
		"m.py":                 "",
	})
	for _, tc := range []struct {
		ov   *lint.FailOn
		want map[string]lint.FailOn
	}{
		{nil, map[string]lint.FailOn{"m.py": lint.FailOnLevel(lint.Note), "strict/m.py": lint.FailOnLevel(lint.Error), "default/m.py": lint.FailOnLevel(lint.Warning)}},
		{ptr(lint.FailNever), map[string]lint.FailOn{"m.py": lint.FailNever, "strict/m.py": lint.FailNever, "default/m.py": lint.FailNever}},
	} {
		l := loader(t, root, Overrides{FailOn: tc.ov})
		for file, want := range tc.want {
			fc, err := l.ForFile(filepath.Join(root, file))
			if err != nil {
				t.Fatal(err)
			}
			if fc.Settings.FailOn != want {
				t.Errorf("override %v: %s fails on %s, want %s", tc.ov, file, fc.Settings.FailOn, want)
			}
		}
	}
	fc, err := loader(t, root, Overrides{}).ForFile(filepath.Join(root, "m.py"))
	if err != nil {
		t.Fatal(err)
	}
	if !fc.Fails(lint.Note) {
		t.Error("fail-on = note: a note does not fail")
	}
	b, err := fc.TOML(func(s string) string { return s })
	if err != nil || !strings.Contains(string(b), "fail-on = 'note'") {
		t.Errorf("xylint config does not show fail-on:\n%s (%v)", b, err)
	}
}

func ptr[T any](v T) *T { return &v }

// roles gives files a role by glob, as per-file-ignores selects them; the
// longest matching glob wins.
func TestRoles(t *testing.T) {
	root := t.TempDir()
	filetree.Write(t, root, map[string]string{"pyproject.toml": `[tool.xylint]
roles = { "ops/" = "script", "ops/server/" = "service", "manage.py" = "cli" }
`})
	s, err := loader(t, root, Overrides{}).ForDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]string{
		"ops/backfill.py":    "script",
		"ops/server/main.py": "service",
		"svc/manage.py":      "cli",
		"svc/main.py":        "",
		"other/ops.py":       "",
	} {
		if got := s.RoleOf(filepath.Join(root, filepath.FromSlash(rel))); got != want {
			t.Errorf("%s: role %q, want %q", rel, got, want)
		}
	}
}
