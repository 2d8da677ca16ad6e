package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/xynergy/xylint/internal/cache"
	"github.com/xynergy/xylint/internal/driver"
)

// cleanCmd is `xylint clean [PATH]`: remove the cache of the project PATH
// belongs to (the directory check and fix use: --cache-dir, else
// $XYLINT_CACHE_DIR, else .xylint_cache at the project's root).
func cleanCmd(stdout io.Writer) *cobra.Command {
	var dir, projectRoot string
	cmd := &cobra.Command{
		Use:   "clean [PATH]",
		Short: "Remove the cache of the project PATH belongs to (default: the current directory's)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			abs, err := pathArg(args)
			if err != nil {
				return err
			}
			root := projectRoot
			if root == "" {
				wd, _ := os.Getwd()
				root = driver.FindProjectRoot([]string{abs}, wd)
			}
			d := cache.Resolve(dir, root)
			if _, err := os.Stat(d); os.IsNotExist(err) {
				_, err := fmt.Fprintf(stdout, "no cache in %s\n", d)
				return err
			}
			if err := cache.Clean(d); err != nil {
				return err
			}
			_, err = fmt.Fprintf(stdout, "removed %s\n", d)
			return err
		},
	}
	cmd.Flags().StringVar(&dir, "cache-dir", "", "the cache directory `DIR` to remove (default: $"+cache.EnvDir+", else "+cache.DirName+" at the project root)")
	cmd.Flags().StringVar(&projectRoot, "project-root", "", "the project's root (default: the nearest directory at or above PATH with an xylint configuration or a .git, else with a pyproject.toml, setup.cfg, setup.py or go.mod, else the working directory unless it is the home or temporary directory)")
	return cmd
}

// pathArg is the absolute path of a command's optional PATH argument (the
// current directory when there is none).
func pathArg(args []string) (string, error) {
	if len(args) == 1 {
		return filepath.Abs(args[0])
	}
	return filepath.Abs(".")
}
