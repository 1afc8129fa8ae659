"""Read the data files, merge the company overlay, validate: `load.load_playbook` is the entry point."""
