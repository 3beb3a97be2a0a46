/** Users, roles and location grants (JPA), and the access scope the engine applies for each user. */
package org.caseload.app.user;
