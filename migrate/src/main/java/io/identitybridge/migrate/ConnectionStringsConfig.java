package io.identitybridge.migrate;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

/** Creatio's ConnectionStrings.config: {@code <connectionStrings><add name="db" connectionString="..."/>}. */
final class ConnectionStringsConfig {

    private ConnectionStringsConfig() {
    }

    static String read(Path file, String name) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // No DTDs and no external entities: the file is read, never resolved against anything.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            NodeList adds = f.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("add");
            for (int i = 0; i < adds.getLength(); i++) {
                Element add = (Element) adds.item(i);
                if (name.equals(add.getAttribute("name"))) {
                    return add.getAttribute("connectionString");
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("--connection-strings-config " + file + " cannot be read as XML (" + e.getClass().getSimpleName() + ")");
        }
        throw new IllegalArgumentException("--connection-strings-config " + file + " has no <add name=\"" + name + "\" .../>");
    }
}
