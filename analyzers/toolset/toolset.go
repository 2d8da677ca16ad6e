// Package toolset wires xylint's rules into its drivers: the registry of
// rules a configuration can name, the producers handed their analyzers, the
// fix engine's per-language settings. It is the one place above the
// drivers that knows the rules (cgo: it links the Python parser).
package toolset

import (
	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/goproducer"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/golang/goedit"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyedit"
)

// Default is what xylint ships: every rule of the registry (analyzers), the
// Python and Go producers handed their analyzers, and each language's fix
// verifier and formatter. Every subcommand of cmd/xylint runs with it, and
// so do the tests that run xylint as a whole; the drivers import no rule.
func Default() driver.Toolset {
	return driver.Toolset{
		Registry: driver.NewRegistry(analyzers.Rules),
		Producers: func() []driver.Producer {
			return []driver.Producer{&pyproducer.Producer{Analyzers: pyrules.All}, &goproducer.Producer{Analyzers: analyzers.Go}}
		},
		Fix: map[lint.Language]fix.Options{
			lint.Python: {SyntaxErrors: pyedit.SyntaxErrors, Runtime: pyedit.Runtime},
			lint.Go:     {SyntaxErrors: goedit.SyntaxErrors, Format: goedit.Format, Invariant: goedit.Constraints},
		},
	}
}
