// Package pyrules is the registry of xylint's Python analyzers, in code
// order (All, generated from the rule folders by `go generate ./analyzers`).
// It imports the cgo parser; the Go analyzers and the golangci-lint plugin
// must not import it. Its tests fuzz every Python rule's fix together.
package pyrules
