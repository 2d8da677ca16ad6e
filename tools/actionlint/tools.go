//go:build tools

// Package tools pins actionlint, which the action's test runs on a
// workflow using action.yml: kept in its own module so that its
// dependencies stay out of xylint's go.mod.
//
//	cd tools/actionlint && go build -o ../../bin/actionlint github.com/rhysd/actionlint/cmd/actionlint
package tools

import _ "github.com/rhysd/actionlint/cmd/actionlint"
