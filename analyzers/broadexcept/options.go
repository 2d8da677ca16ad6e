package broadexcept

import (
	"slices"

	"github.com/xynergy/xylint/internal/ruleopts"
)

// Options are XY004 broad-except's options ([tool.xylint.broad-except]), as
// configuration writes them. Only the Python detection reads them.
type Options struct {
	// Exclude are path globs (gitignore syntax, matched against the path and
	// every tail of it) of files the rule leaves alone: tests, whose broad
	// handlers (a fixture's cleanup, an assertion about a failure) hide
	// nothing from production.
	Exclude []string `toml:"exclude"`
	// LoggerNames are extra variable or attribute names treated as loggers,
	// besides the names that say they are one (log, logger, _logger,
	// LOGGER, app_logger, ...).
	LoggerNames []string `toml:"logger-names"`
	// LoggerImport names a shared logger the fix uses in a module without a
	// logger of its own, as "module:name" (as print-call's option).
	LoggerImport string `toml:"logger-import"`
}

// Config is Options checked, once per configuration: what the Python
// detection reads.
type Config struct {
	Exclude      ruleopts.Globs
	LoggerNames  []string
	LoggerImport string // checked: "module:name", or ""
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, func(o *Options) (*Config, error) {
	if err := ruleopts.CheckLoggerImport(o.LoggerImport); err != nil {
		return nil, err
	}
	return &Config{Exclude: ruleopts.CompileGlobs(o.Exclude), LoggerNames: o.LoggerNames, LoggerImport: o.LoggerImport}, nil
})

// NewOptions returns the defaults.
func NewOptions() *Options { return &Options{Exclude: slices.Clone(ruleopts.TestFiles)} }
