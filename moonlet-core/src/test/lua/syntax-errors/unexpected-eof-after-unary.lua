return not
