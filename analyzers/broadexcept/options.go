package broadexcept

// Options are XY004 broad-except's options ([tool.xylint.broad-except]).
type Options struct {
	// LoggerNames are extra variable or attribute names treated as loggers,
	// besides the names that say they are one (log, logger, _logger,
	// LOGGER, app_logger, ...).
	LoggerNames []string `toml:"logger-names"`
}

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any { return &Options{} }
