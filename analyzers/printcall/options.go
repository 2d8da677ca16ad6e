package printcall

import (
	"slices"

	"github.com/xynergy/xylint/internal/ruleopts"
)

// Options are XY005 print-call's options ([tool.xylint.print-call]), as
// configuration writes them. Only the Python detection reads them.
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

// Config is Options compiled, once per configuration: what the Python
// detection reads.
type Config struct {
	Exclude      ruleopts.Globs
	AllowInMain  bool
	LoggerImport string // checked: "module:name", or ""
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, compile)

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{Exclude: slices.Clone(ruleopts.TestFiles), AllowInMain: true}
}

func compile(o *Options) (*Config, error) {
	if err := ruleopts.CheckLoggerImport(o.LoggerImport); err != nil {
		return nil, err
	}
	return &Config{Exclude: ruleopts.CompileGlobs(o.Exclude), AllowInMain: o.AllowInMain, LoggerImport: o.LoggerImport}, nil
}
