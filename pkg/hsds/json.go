package hsds

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// ReadJSON reads HSDS 3.0 services as the HSDS API gives them: a list of
// service objects, a page object holding them under "contents", or one
// service object. name is the file's name, for messages.
func ReadJSON(name string, data []byte) ([]Service, error) {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	var services []Service
	switch {
	case bytes.HasPrefix(data, []byte("[")):
		if err := json.Unmarshal(data, &services); err != nil {
			return nil, jsonError(name, err)
		}
	case bytes.HasPrefix(data, []byte("{")):
		var page struct {
			Contents *[]Service `json:"contents"`
		}
		if err := json.Unmarshal(data, &page); err != nil {
			return nil, jsonError(name, err)
		}
		if page.Contents != nil {
			services = *page.Contents
			break
		}
		var one Service
		if err := json.Unmarshal(data, &one); err != nil {
			return nil, jsonError(name, err)
		}
		services = []Service{one}
	default:
		return nil, fmt.Errorf("%s: not HSDS JSON: expected a list of services, or an object", name)
	}
	for i := range services {
		services[i].Where = fmt.Sprintf("%s: service %d", name, i+1)
	}
	return services, nil
}

func jsonError(name string, err error) error {
	return fmt.Errorf("%s: not valid HSDS JSON: %w", name, err)
}
