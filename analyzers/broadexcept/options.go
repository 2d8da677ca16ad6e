package broadexcept

import "github.com/xynergy/xylint/internal/ruleopts"

// Options are XY004 broad-except's options ([tool.xylint.broad-except]).
type Options struct {
	// LoggerNames are extra variable or attribute names treated as loggers,
	// besides the names that say they are one (log, logger, _logger,
	// LOGGER, app_logger, ...).
	LoggerNames []string `toml:"logger-names"`
	// LoggerImport names a shared logger the fix uses in a module without a
	// logger of its own, as "module:name" (as print-call's option).
	LoggerImport string `toml:"logger-import"`
}

// Validate checks logger-import's shape (config calls it).
func (o *Options) Validate() error {
	return ruleopts.CheckLoggerImport(o.LoggerImport)
}

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any { return &Options{} }
