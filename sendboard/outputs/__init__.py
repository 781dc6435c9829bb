"""Files sendboard writes: board packs, minutes, spreadsheets, calendar requests, email drafts."""
