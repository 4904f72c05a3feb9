"""What a person drives: the run, the command line, the web page, progress, sending."""
