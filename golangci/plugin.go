// Package golangci is xylint's golangci-lint v2 module plugin. Blank-import
// it into a custom golangci-lint build (see .golangci-plugin.yml and
// docs/go.md); it registers the linter "xylint", which runs the Go analyzers
// of xylint's six rules.
//
// The package imports no cgo and no tree-sitter: golangci-lint builds it
// with its own toolchain settings, and TestNoCgo keeps it that way.
package golangci

import (
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/lint"
)

// Name is the linter's name in .golangci.yml and in //nolint:xylint.
const Name = "xylint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings
// (linters.settings.custom.xylint.settings in .golangci.yml). golangci-lint
// lower-cases every key on the way in, so rule-specific settings are lists,
// never maps keyed by rule code. Unknown keys are errors. A list that is
// not given keeps the rule's default; a given list replaces it.
type Settings struct {
	// Select lists the rules to run: codes (XY005), names (print-call),
	// code prefixes (XY00) or ALL. Default: all six.
	Select []string `json:"select"`
	// Ignore lists rules not to run, in the same forms.
	Ignore []string `json:"ignore"`
	// AuthMiddleware: XY002 unauthenticated-route's auth-middleware.
	AuthMiddleware []string `json:"auth-middleware"`
	// PublicPaths: XY002 unauthenticated-route's public-paths.
	PublicPaths []string `json:"public-paths"`
	// PoolPackages: XY003 direct-client's pool-packages.
	PoolPackages []string `json:"pool-packages"`
}

// New decodes settings strictly and returns the plugin.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("xylint: %w (allowed keys: select, ignore, auth-middleware, public-paths, pool-packages)", err)
	}
	for _, sel := range append(append([]string(nil), s.Select...), s.Ignore...) {
		if !matchesAny(sel) {
			return nil, fmt.Errorf("xylint: %q names no rule (use a code such as XY005, a name such as print-call, a code prefix or ALL)", sel)
		}
	}
	return &plugin{settings: s}, nil
}

type plugin struct{ settings Settings }

// BuildAnalyzers returns the selected rules' analyzers, configured.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	s := p.settings
	var out []*analysis.Analyzer
	for _, g := range analyzers.Go {
		if !selected(g.Rule, s.Select, s.Ignore) {
			continue
		}
		var opts any
		switch g.Rule {
		case unauthenticatedroute.Rule:
			o := unauthenticatedroute.NewOptions()
			if s.AuthMiddleware != nil {
				o.AuthMiddleware = s.AuthMiddleware
			}
			if s.PublicPaths != nil {
				o.PublicPaths = s.PublicPaths
			}
			opts = o
		case directclient.Rule:
			o := directclient.NewOptions()
			if s.PoolPackages != nil {
				o.PoolPackages = s.PoolPackages
			}
			opts = o
		}
		out = append(out, g.New(opts))
	}
	return out, nil
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
