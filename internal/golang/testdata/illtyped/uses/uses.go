package uses

import (
	"fmt"

	"example.com/illtyped/bad"
)

func Show() { fmt.Println(bad.OK()) }
