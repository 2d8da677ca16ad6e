// Package golangci is xylint's golangci-lint v2 module plugin. Blank-import
// it into a custom golangci-lint build (see .golangci-plugin.yml and
// docs/go.md); it registers the linter "xylint", which runs the Go analyzers
// of xylint's rules (the registry's, analyzers.Go).
//
// The package imports no cgo and no tree-sitter: golangci-lint builds it
// with its own toolchain settings, and TestNoCgo keeps it that way.
package golangci

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

// Name is the linter's name in .golangci.yml and in //nolint:xylint.
const Name = "xylint"

func init() {
	register.Plugin(Name, New)
}

// The plugin's settings (linters.settings.custom.xylint.settings in
// .golangci.yml) are:
//
//   - select: the rules to run: codes (XY005), names (print-call), code
//     prefixes (XY00) or ALL. Default: all.
//   - ignore: rules not to run, in the same forms.
//   - the options the rules' Go analyzers read, by their configuration keys
//     (goanalysis.Rule.Settings: auth-middleware and public-paths of XY002,
//     pool-packages of XY003), each a list: given, it replaces the rule's
//     default.
//   - fail-on: the least level of finding reported: note, warning (default)
//     or error. golangci-lint fails on every issue it reports, so findings
//     below it are left out, as they leave xylint check's exit status
//     alone; each message starts with its level ("note: XY003
//     direct-client: ...") for golangci-lint's severity rules.
//
// golangci-lint lower-cases every key on the way in, so rule-specific
// settings are lists, never maps keyed by rule code. Unknown keys are
// errors.
type settings struct {
	sel, ignore []string
	options     map[string][]string
	failOn      lint.FailOn
}

// keys are the keys the settings accept, in the order errors list them.
func keys() []string {
	out := []string{"select", "ignore", "fail-on"}
	for _, g := range analyzers.Go {
		for _, s := range g.Settings {
			if !slices.Contains(out, s.Key) {
				out = append(out, s.Key)
			}
		}
	}
	return out
}

// New decodes settings strictly and returns the plugin.
func New(raw any) (register.LinterPlugin, error) {
	s, err := decode(raw)
	if err != nil {
		return nil, fmt.Errorf("xylint: %w (allowed keys: %s)", err, strings.Join(keys(), ", "))
	}
	for _, sel := range append(append([]string(nil), s.sel...), s.ignore...) {
		if !matchesAny(sel) {
			return nil, fmt.Errorf("xylint: %q names no rule (use a code such as XY005, a name such as print-call, a code prefix or ALL)", sel)
		}
	}
	return &plugin{settings: s}, nil
}

// decode reads the settings as register.DecodeSettings would read a struct
// with one []string field per key: JSON, unknown keys refused.
func decode(raw any) (settings, error) {
	s := settings{options: map[string][]string{}}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(raw); err != nil {
		return s, fmt.Errorf("encoding settings: %w", err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		return s, fmt.Errorf("decoding settings: %w", err)
	}
	known := keys()
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(known, k) {
			return s, fmt.Errorf("decoding settings: json: unknown field %q", k)
		}
		if k == "fail-on" {
			var level string
			err := json.Unmarshal(m[k], &level)
			if err == nil {
				s.failOn, err = lint.ParseFailOn(level)
			}
			if err != nil || s.failOn == lint.FailNever {
				return s, fmt.Errorf("fail-on %s: want note, warning or error (golangci-lint fails on every issue it reports; to report xylint's findings without failing, use golangci-lint's own issues-exit-code)", m[k])
			}
			continue
		}
		var list []string
		if err := json.Unmarshal(m[k], &list); err != nil {
			return s, fmt.Errorf("decoding settings: %s: %w", k, err)
		}
		switch k {
		case "select":
			s.sel = list
		case "ignore":
			s.ignore = list
		default:
			if list != nil {
				s.options[k] = list
			}
		}
	}
	return s, nil
}

type plugin struct{ settings settings }

// BuildAnalyzers returns the selected rules' analyzers, configured.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	var out []*analysis.Analyzer
	for _, g := range analyzers.Go {
		if !selected(g.Rule, p.settings.sel, p.settings.ignore) {
			continue
		}
		a, err := configure(g, p.settings.options)
		if err != nil {
			return nil, fmt.Errorf("xylint: %s: %w", g.Rule.ID(), err)
		}
		out = append(out, goanalysis.DropBelow(a, func() lint.FailOn { return p.settings.failOn }))
	}
	return out, nil
}

// configure builds g's analyzer with the settings that are its options.
func configure(g goanalysis.Rule, options map[string][]string) (*analysis.Analyzer, error) {
	set := map[string][]string{}
	for _, s := range g.Settings {
		if v, ok := options[s.Key]; ok {
			set[s.Key] = v
		}
	}
	return g.Configure(set)
}

// GetLoadMode: the analyzers resolve calls with type information.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func selected(r *lint.Rule, sel, ignore []string) bool {
	in := len(sel) == 0
	for _, s := range sel {
		if r.Matches(s) {
			in = true
		}
	}
	for _, s := range ignore {
		if r.Matches(s) {
			in = false
		}
	}
	return in
}

func matchesAny(sel string) bool {
	for _, r := range analyzers.Rules {
		if r.Matches(sel) {
			return true
		}
	}
	return strings.EqualFold(strings.TrimSpace(sel), "ALL")
}
