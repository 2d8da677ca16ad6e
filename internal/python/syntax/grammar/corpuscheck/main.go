// Command corpuscheck prints one line per Python file under the given
// directories: a SHA-256 of the syntax tree package syntax gives the file
// (every node, named or not: kind name, field, flags, byte range, parent),
// its node count, its number of ERROR and MISSING nodes, and its path. With
// -dump it prints the nodes themselves instead, one per line.
//
// Built at two revisions of xylint, it shows whether a change of the grammar
// changes any tree (../corpus-check.sh does that). It uses only API that
// package syntax has had since it was written, so that it builds at old
// revisions too.
package main

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/xynergy/xylint/internal/python/syntax"
)

func main() {
	dump := flag.Bool("dump", false, "print the nodes of each file instead of a hash")
	flag.Parse()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, root := range flag.Args() {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".py") || !d.Type().IsRegular() {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f, err := syntax.Parse(path, src)
			if err != nil {
				fmt.Fprintf(out, "parse-failed\t0\t0\t%s\t%v\n", path, err)
				return nil
			}
			h := sha256.New()
			errs := 0
			for n := range f.Tree.All() {
				flags := 0
				for i, b := range []bool{n.IsNamed(), n.IsError(), n.IsMissing(), n.IsExtra()} {
					if b {
						flags |= 1 << i
					}
				}
				if n.IsError() || n.IsMissing() {
					errs++
				}
				parent := -1
				if p := n.Parent(); !p.IsZero() {
					parent = p.Index()
				}
				line := fmt.Sprintf("%d %s field=%d flags=%d [%d,%d) parent=%d\n", n.Index(), n.Kind(), n.Field(), flags, n.Start(), n.End(), parent)
				if *dump {
					fmt.Fprintf(out, "%s\t%s", path, line)
				}
				h.Write([]byte(line))
			}
			if !*dump {
				fmt.Fprintf(out, "%x\t%d\t%d\t%s\n", h.Sum(nil), f.Tree.Len(), errs, path)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "corpuscheck:", err)
			os.Exit(1)
		}
	}
}
