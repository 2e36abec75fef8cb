// Renders the TEMPLATE of an Ollama Modelfile with Go's text/template, the engine Ollama uses, for
// the conversations of a JSON file, the way Ollama calls it for templates that use .Messages: the
// system messages joined as .System, every message in .Messages. Prints a JSON list of the texts.
// Used by tst_gguf_export_rules when a Go toolchain is installed.
// Usage: go run render_ollama_template.go MODELFILE CONVERSATIONS_JSON
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"text/template"
)

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

func main() {
	modelfile, err := os.ReadFile(os.Args[1])
	check(err)
	found := regexp.MustCompile(`(?s)TEMPLATE """(.*?)"""`).FindSubmatch(modelfile)
	if found == nil {
		check(fmt.Errorf("%s has no TEMPLATE", os.Args[1]))
	}
	parsed, err := template.New("modelfile").Parse(string(found[1]))
	check(err)
	data, err := os.ReadFile(os.Args[2])
	check(err)
	var conversations [][]message
	check(json.Unmarshal(data, &conversations))
	var rendered []string
	for _, conversation := range conversations {
		var system []string
		for _, m := range conversation {
			if m.Role == "system" {
				system = append(system, m.Content)
			}
		}
		var out strings.Builder
		check(parsed.Execute(&out, map[string]any{"System": strings.Join(system, "\n\n"), "Messages": conversation}))
		rendered = append(rendered, out.String())
	}
	text, err := json.Marshal(rendered)
	check(err)
	fmt.Println(string(text))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
