package printcall

import (
	"slices"

	"github.com/xynergy/xylint/internal/ruleopts"
)

// Options are XY005 print-call's options ([tool.xylint.print-call]).
type Options struct {
	// Exclude are path globs (gitignore syntax, matched against the path and
	// every tail of it) of files where prints are allowed.
	Exclude []string `toml:"exclude"`
	// AllowInMain exempts code under `if __name__ == "__main__":`.
	AllowInMain bool `toml:"allow-in-main"`
	// LoggerImport names a shared logger the fix uses when a module has
	// none of its own, as "module:name" ("shared.logging_config:logger");
	// empty: the fix defines `logger = logging.getLogger(__name__)`.
	LoggerImport string `toml:"logger-import"`
}

// Validate checks logger-import's shape (config calls it).
func (o *Options) Validate() error {
	return ruleopts.CheckLoggerImport(o.LoggerImport)
}

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any {
	return &Options{Exclude: slices.Clone(ruleopts.TestFiles), AllowInMain: true}
}

// Excludes reports whether the slash-separated path matches one of the
// exclude globs (ruleopts.MatchGlobs: gitignore syntax, matched against the
// path and every tail of it).
func (o *Options) Excludes(p string) bool {
	return o != nil && ruleopts.MatchGlobs(o.Exclude, p)
}
