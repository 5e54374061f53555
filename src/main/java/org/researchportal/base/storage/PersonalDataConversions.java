package org.researchportal.base.storage;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.PropertyValueConverterFactory;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Lets {@code @ValueConverter} name Spring beans ({@link PersonalText}, {@link PersonalDocument}), which hold the
 * keys; Spring Data would otherwise instantiate the converter class itself, without them.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions(BeanFactory beanFactory) {
        return MongoCustomConversions.create(adapter -> adapter.registerPropertyValueConverterFactory(
                PropertyValueConverterFactory.caching(PropertyValueConverterFactory.beanFactoryAware(beanFactory))));
    }
}
