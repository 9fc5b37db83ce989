/**
 * The embedded file directory: a {@link org.openst.directory.api.Directory} backed by a users file
 * and a public groups file in the runtime's configuration folder, and
 * {@link org.openst.directory.embedded.UsersFileTool} to edit the users file. Implementation only:
 * this package is not exported (it has no {@code @Version}).
 */
package org.openst.directory.embedded;
