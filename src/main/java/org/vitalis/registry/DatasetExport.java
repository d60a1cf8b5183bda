package org.vitalis.registry;

import java.nio.file.Path;

/** What an export of the labelled data set wrote: how many pictures, and the CSV that labels them. */
public record DatasetExport(int images, Path labelsCsv) {
}
