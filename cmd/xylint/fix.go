package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/fix/fixrun"
)

// fixCmd is `xylint fix [PATH...]`: apply fixes in place, or with --diff
// print them. Exit status: 2 on errors (and when a fix failed its
// verification, a bug), with --diff 1 when there would be changes, else 1
// when findings are left that fail the run (--fail-on), 0 otherwise.
func fixCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		f      checkFlags
		diff   bool
		unsafe bool
	)
	cmd := &cobra.Command{
		Use:   "fix [PATH...]",
		Short: "Apply the rules' fixes in place (default: the current directory)",
		RunE: func(cmd *cobra.Command, args []string) error {
			res, err := f.run(cmd, args, stderr)
			if err != nil {
				return err
			}
			sum := fixrun.Run(cmd.Context(), res, fixrun.Options{
				Unsafe:    unsafe,
				Write:     !diff,
				Jobs:      f.jobs,
				Languages: toolset.Default().Fix,
			})
			if cmd.Context().Err() != nil {
				// Each file is written whole or not at all: say how many were.
				fixrun.WriteErrors(stderr, sum)
				fmt.Fprintf(stderr, "xylint: interrupted: %s already written with their fixes; the other files are unchanged\n", plural(sum.Written(), "file was", "files were"))
				return exitError{exitInterrupted}
			}
			fixrun.WriteErrors(stderr, sum)
			report := stdout
			if diff {
				if err := fixrun.WriteDiff(stdout, sum); err != nil {
					return err
				}
				report = stderr
			} else if err := fixrun.WriteLeft(stdout, sum); err != nil {
				return err
			}
			if err := fixrun.WriteSummary(report, sum, diff); err != nil {
				return err
			}
			switch {
			case len(res.Errors) > 0 || sum.Failed() > 0:
				return exitError{2}
			case diff && sum.ChangedFiles() > 0, !diff && slices.ContainsFunc(sum.Left, func(l fix.Left) bool { return res.Fails(&l.Diagnostic) }):
				return exitError{1}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&diff, "diff", false, "print the fixes as a unified diff and write nothing (exit 1 when there would be changes)")
	fl.BoolVar(&unsafe, "unsafe-fixes", false, "also apply fixes that can change behaviour")
	f.runFlags(fl, "files analysed and fixed in parallel (default: the number of CPUs)")
	return cmd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
