// Package output renders a check's result: text for people, JSON for
// programs (docs/json-output.md), SARIF 2.1.0 for code scanning, and GitHub
// workflow commands for pull-request annotations; plus per-rule statistics
// and the rule documentation `xylint rules` prints.
package output

import (
	"fmt"
	"io"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/safewrite"
)

// Formats are the values of --format.
var Formats = []string{"text", "json", "sarif", "github"}

// Options control rendering.
type Options struct {
	Format string
	// Color adds ANSI colours; Excerpts shows the source line and an
	// underline below each finding (text format).
	Color, Excerpts bool
	Statistics      bool
	ToolVersion     string
	// StepSummary, when not empty, is the file ($GITHUB_STEP_SUMMARY) the
	// github format appends a Markdown summary to.
	StepSummary string
	// Links, when set, is the URL a finding's path is appended to (with
	// "#L<line>") to link it to its line in the step summary
	// ("https://github.com/owner/repo/blob/<sha>/").
	Links string
}

// Write renders res to w.
func Write(w io.Writer, res *driver.Result, opts Options) error {
	if opts.Statistics {
		switch opts.Format {
		case "text", "":
			return writeStatisticsText(w, res, opts)
		case "json":
			return writeStatisticsJSON(w, res)
		}
		return fmt.Errorf("--statistics works with --format text or json, not %s", opts.Format)
	}
	switch opts.Format {
	case "text", "":
		return writeText(w, res, opts)
	case "json":
		return writeJSON(w, res, opts)
	case "sarif":
		return writeSARIF(w, res, opts)
	case "github":
		if err := writeGitHub(w, res, opts.StepSummary != ""); err != nil {
			return err
		}
		if opts.StepSummary != "" {
			return appendStepSummary(opts.StepSummary, res, opts.Links)
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want text, json, sarif or github)", opts.Format)
}

// WriteFileAtomic writes the report for `-o FILE` (safewrite.Output): a
// regular file is replaced atomically, keeping its mode, owner and links; a
// symlink is followed; a device, FIFO or socket (and /dev/stdout) is written
// to, never replaced.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return safewrite.Output(path, write)
}
