"""Forms for one record: fields validated as you type, pictures, small tables."""
