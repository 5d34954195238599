package sosik.eval;

import sosik.article.Article;

/**
 * One document of an evaluation corpus: the id the queries' relevance lists use, and the article
 * as Sosik's normaliser made it. Every backend indexes the same title and body.
 */
public record EvalDoc(String id, Article article) {}
